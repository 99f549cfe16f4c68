using System.Runtime.CompilerServices;

// The analyzer tests check the descriptors table and that the analyzers and the generator's parser agree on
// which handlers are skipped, so they read both directly.
[assembly: InternalsVisibleTo("Resourceful.Analyzers.Tests")]
