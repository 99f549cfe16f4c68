namespace Resourceful.Http.Tests.Resources.Semantics;

/// <summary>One URI served by two classes (reads kept apart from writes), as a team may split a large resource.</summary>
[Resource("/semantics/split")]
public sealed partial class SplitReads
{
    [Get]
    public string Read() => "read";

    [Get("{id:int}")]
    public string ReadOne(int id) => "read one";
}

/// <summary>The writing half of <c>/semantics/split</c>; its item path names the route value differently.</summary>
[Resource("/semantics/split")]
public sealed partial class SplitWrites
{
    [Post]
    public void Write()
    {
    }

    [Delete("{key:int}")]
    public void Remove(int key)
    {
    }
}
