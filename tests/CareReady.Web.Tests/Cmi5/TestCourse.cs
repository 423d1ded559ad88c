using System.IO.Compression;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareReady.Web.Tests.Infrastructure;

namespace CareReady.Web.Tests.Cmi5;

/// <summary>A one-AU cmi5 course (moveOn Passed, masteryScore 0.8) built in code, and an AU that follows the spec over HTTP.</summary>
internal static class TestCourse
{
    public const string CourseId = "https://courses.test.example/hand-hygiene-cmi5";
    public const string AuId = "https://courses.test.example/hand-hygiene-cmi5/au/1";
    public const string Competency = "CSTF-IPC-1";

    public static Dictionary<string, string> Good() => new(StringComparer.Ordinal)
    {
        ["cmi5.xml"] = $"""
            <?xml version="1.0" encoding="utf-8"?>
            <courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
              <course id="{CourseId}">
                <title><langstring lang="en-GB">Hand hygiene (cmi5)</langstring></title>
                <description><langstring lang="en-GB">The five moments, as an interactive course.</langstring></description>
              </course>
              <au id="{AuId}" moveOn="Passed" masteryScore="0.8" launchMethod="AnyWindow">
                <title><langstring lang="en-GB">The five moments</langstring></title>
                <description><langstring lang="en-GB">Read and answer.</langstring></description>
                <url>au/index.html</url>
              </au>
            </courseStructure>
            """,
        ["au/index.html"] = "<!doctype html><html lang=\"en\"><head><title>AU</title></head><body><p>AU</p></body></html>",
        ["au/au.js"] = "// nothing",
    };

    public static byte[] Zip(IReadOnlyDictionary<string, string> files)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, content) in files)
            {
                using var stream = zip.CreateEntry(path).Open();
                stream.Write(Encoding.UTF8.GetBytes(content));
            }
        }

        return buffer.ToArray();
    }

    public static MultipartFormDataContent Form(byte[] zip, string? confers = Competency, bool publish = true, int? moduleId = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(zip);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        form.Add(file, "file", "course.zip");
        if (confers is not null)
        {
            form.Add(new StringContent(confers), "confers");
        }

        if (publish)
        {
            form.Add(new StringContent("true"), "publish");
        }

        if (moduleId is int id)
        {
            form.Add(new StringContent(id.ToString(System.Globalization.CultureInfo.InvariantCulture)), "moduleId");
        }

        return form;
    }

    /// <summary>Imports the good course as the compliance lead of org A (published); returns its id and the first AU's id.</summary>
    public static async Task<(int CourseId, int AuId, int ModuleId)> ImportAsync(TestApp app)
    {
        var lead = await app.SignedInClientAsync(TestData.ComplianceEmail);
        var response = await lead.PostAsync("/api/v1/cmi5/courses", Form(Zip(Good())));
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != System.Net.HttpStatusCode.Created)
        {
            throw new InvalidOperationException(text);
        }

        var body = JsonNode.Parse(text)!;
        var courseId = body["courseId"]!.GetValue<int>();
        var course = await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cmi5/courses/{courseId}");
        return (courseId, course.GetProperty("aus")[0].GetProperty("id").GetInt32(), body["moduleId"]!.GetValue<int>());
    }
}

/// <summary>What an AU does after launch: reads the launch parameters, fetches its token, reads LMS.LaunchData and sends statements.</summary>
internal sealed class TestAu
{
    private TestAu(HttpClient lrs, Dictionary<string, string> parameters, JsonObject launchData, string token)
    {
        Lrs = lrs;
        Parameters = parameters;
        LaunchData = launchData;
        Token = token;
    }

    public HttpClient Lrs { get; }
    public Dictionary<string, string> Parameters { get; }
    public JsonObject LaunchData { get; }
    public string Token { get; }
    public string ActivityId => Parameters["activityId"];
    public string Registration => Parameters["registration"];
    public string SessionId => LaunchData["contextTemplate"]!["extensions"]![CareReady.Core.Cmi5.Cmi5Vocabulary.SessionIdExtension]!.GetValue<string>();

    /// <summary>Launches as <paramref name="learner"/> and starts the AU (fetch + launch data).</summary>
    public static async Task<TestAu> LaunchAsync(TestApp app, HttpClient learner, int courseId, int auId, string? mode = null)
    {
        var launch = await learner.PostAsync($"/api/v1/cmi5/courses/{courseId}/aus/{auId}/launch" + (mode is null ? "" : "?mode=" + mode), null);
        var text = await launch.Content.ReadAsStringAsync();
        if (!launch.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(text);
        }

        var url = new Uri(JsonNode.Parse(text)!["url"]!.GetValue<string>());
        var parameters = Query(url);
        var anonymous = app.NewClient();
        var fetched = JsonNode.Parse(await (await anonymous.PostAsync(new Uri(parameters["fetch"]).PathAndQuery, null)).Content.ReadAsStringAsync())!;
        var token = fetched["auth-token"]!.GetValue<string>();
        var lrs = app.NewClient();
        lrs.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", token);
        lrs.DefaultRequestHeaders.Add("X-Experience-API-Version", "1.0.3");
        var state = await lrs.GetAsync(StateUrl(parameters));
        var launchData = JsonNode.Parse(await state.Content.ReadAsStringAsync())!.AsObject();
        return new TestAu(lrs, parameters, launchData, token);
    }

    public static Dictionary<string, string> Query(Uri url) =>
        url.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p[1]), StringComparer.Ordinal);

    public static string StateUrl(Dictionary<string, string> p, string? activityId = null) =>
        $"/xapi/activities/state?activityId={Uri.EscapeDataString(activityId ?? p["activityId"])}&agent={Uri.EscapeDataString(p["actor"])}"
        + $"&registration={p["registration"]}&stateId=LMS.LaunchData";

    /// <summary>A cmi5 defined statement built from the launch data's context template.</summary>
    public JsonObject Statement(string verb, JsonObject? result = null)
    {
        var context = (JsonObject)LaunchData["contextTemplate"]!.DeepClone();
        context["registration"] = Registration;
        var categories = new JsonArray(new JsonObject { ["id"] = "https://w3id.org/xapi/cmi5/context/categories/cmi5" });
        if (result?["success"] is not null || result?["completion"] is not null)
        {
            categories.Add(new JsonObject { ["id"] = "https://w3id.org/xapi/cmi5/context/categories/moveon" });
        }

        context["contextActivities"]!["category"] = categories;
        var statement = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["actor"] = JsonNode.Parse(Parameters["actor"]),
            ["verb"] = new JsonObject { ["id"] = verb },
            ["object"] = new JsonObject { ["id"] = ActivityId },
            ["context"] = context,
        };
        if (result is not null)
        {
            statement["result"] = result;
        }

        return statement;
    }

    public static JsonObject Scored(decimal scaled, bool success) => new()
    {
        ["score"] = new JsonObject { ["scaled"] = scaled },
        ["success"] = success,
        ["duration"] = "PT2M",
    };

    public Task<HttpResponseMessage> SendAsync(params JsonObject[] statements) =>
        Lrs.PostAsync("/xapi/statements", new StringContent(statements.Length == 1 ? statements[0].ToJsonString() : new JsonArray(statements).ToJsonString(), Encoding.UTF8, "application/json"));
}
