using Resourceful.Benchmarks.Server;

// --variants gen,min,mvc,raw (default: all four) --urls http://127.0.0.1:5000
var app = BenchmarkServer.Build(args, VariantNames.Parse(ConfigurationValue(args, "variants")));
app.Run();

// Read before the host parses the command line, since the variants decide which services to register.
static string? ConfigurationValue(string[] args, string name)
{
    for (var i = 0; i < args.Length - 1; i++)
    {
        if (args[i] == "--" + name)
        {
            return args[i + 1];
        }
    }

    return null;
}
