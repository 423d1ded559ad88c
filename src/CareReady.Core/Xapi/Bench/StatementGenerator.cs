using System.Globalization;
using System.Text.Json.Nodes;

namespace CareReady.Core.Xapi.Bench;

/// <summary>
/// Realistic, deterministic xAPI statements for the LRS benchmark: learners (mbox or ESR account) working
/// through courses of modules in registrations — launched, initialized, experienced, answered, passed or
/// failed with scores and durations, completed, terminated — with parent/grouping context and extensions.
/// Same seed, same statements. Also hands out the agents, activities and registrations it used, for queries.
/// </summary>
public sealed class StatementGenerator(int seed, int learners, int courses)
{
    private static readonly string[] Verbs =
    [
        "http://adlnet.gov/expapi/verbs/launched", "http://adlnet.gov/expapi/verbs/initialized", "http://adlnet.gov/expapi/verbs/experienced",
        "http://adlnet.gov/expapi/verbs/answered", "http://adlnet.gov/expapi/verbs/experienced", "http://adlnet.gov/expapi/verbs/passed",
        "http://adlnet.gov/expapi/verbs/failed", "http://adlnet.gov/expapi/verbs/completed", "http://adlnet.gov/expapi/verbs/terminated",
    ];

    private readonly Random _random = new(seed);
    private readonly DateTimeOffset _start = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
    private long _count;

    public const string Platform = "CareReady bench";

    public static JsonObject Agent(int learner) => learner % 3 == 0
        ? new JsonObject { ["objectType"] = "Agent", ["name"] = $"Learner {learner}", ["account"] = new JsonObject { ["homePage"] = "https://esr.example", ["name"] = (20_000_000 + learner).ToString(CultureInfo.InvariantCulture) } }
        : new JsonObject { ["objectType"] = "Agent", ["name"] = $"Learner {learner}", ["mbox"] = $"mailto:learner{learner}@bench.example" };

    public static string Course(int course) => $"https://elearning.example/courses/{course}";

    public static string Module(int course, int module) => $"https://elearning.example/courses/{course}/modules/{module}";

    /// <summary>The registration of a learner on a course (one per pair).</summary>
    public static Guid Registration(int learner, int course)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, learner);
        BitConverter.TryWriteBytes(bytes[4..], course);
        BitConverter.TryWriteBytes(bytes[8..], 0x5EED_1A5L);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    public int RandomLearner() => _random.Next(learners);

    public int RandomCourse() => _random.Next(courses);

    public JsonObject Next()
    {
        var n = _count++;
        var learner = _random.Next(learners);
        var course = _random.Next(courses);
        var module = _random.Next(6);
        var verb = Verbs[_random.Next(Verbs.Length)];
        var timestamp = _start.AddSeconds(n * 7 + _random.Next(5));
        var statement = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["actor"] = Agent(learner),
            ["verb"] = new JsonObject { ["id"] = verb, ["display"] = new JsonObject { ["en-GB"] = verb[(verb.LastIndexOf('/') + 1)..] } },
            ["object"] = new JsonObject
            {
                ["objectType"] = "Activity",
                ["id"] = Module(course, module),
                ["definition"] = new JsonObject
                {
                    ["name"] = new JsonObject { ["en-GB"] = $"Course {course} module {module}" },
                    ["type"] = "http://adlnet.gov/expapi/activities/module",
                },
            },
            ["context"] = new JsonObject
            {
                ["registration"] = Registration(learner, course).ToString(),
                ["platform"] = Platform,
                ["language"] = "en-GB",
                ["contextActivities"] = new JsonObject
                {
                    ["parent"] = new JsonArray(new JsonObject { ["id"] = Course(course) }),
                    ["grouping"] = new JsonArray(new JsonObject { ["id"] = "https://elearning.example/programmes/mandatory" }),
                },
                ["extensions"] = new JsonObject { ["https://careready.example/xapi/extensions/session"] = _random.Next(1_000_000) },
            },
            ["timestamp"] = timestamp.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        };
        if (verb.EndsWith("passed", StringComparison.Ordinal) || verb.EndsWith("failed", StringComparison.Ordinal) || verb.EndsWith("answered", StringComparison.Ordinal))
        {
            var raw = verb.EndsWith("passed", StringComparison.Ordinal) ? 80 + _random.Next(21) : _random.Next(80);
            statement["result"] = new JsonObject
            {
                ["score"] = new JsonObject { ["raw"] = raw, ["min"] = 0, ["max"] = 100, ["scaled"] = raw / 100.0 },
                ["success"] = raw >= 80,
                ["completion"] = true,
                ["duration"] = $"PT{5 + _random.Next(55)}M{_random.Next(60)}S",
            };
        }
        else if (verb.EndsWith("completed", StringComparison.Ordinal))
        {
            statement["result"] = new JsonObject { ["completion"] = true, ["duration"] = $"PT{10 + _random.Next(50)}M" };
        }

        return statement;
    }
}
