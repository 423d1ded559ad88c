using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CareReady.Web.Tests.Scorm;

/// <summary>
/// The SCORM packages authored for the tests (the folders under Scorm/Packages: a SCORM 1.2 SCO that
/// resumes and reports passed, and a SCORM 2004 one), zipped at test time, with files replaced or added
/// to make bad packages.
/// </summary>
public static class ScormTestPackages
{
    public const string Scorm12 = "scorm12";
    public const string Scorm2004 = "scorm2004";
    public const string Scorm12Multi = "scorm12-multi";

    /// <summary>SCORM 2004 with sequencing: Pre-test (not counted), Learning (skipped once ready), Final test (locked until ready).</summary>
    public const string Scorm2004Sequenced = "scorm2004-sequenced";

    /// <summary>Adult BLS: nurse A (the learner) is overdue on it.</summary>
    public const string Competency = "CSTF-RES-2A";

    public static string Folder(string name) => Path.Combine(Path.GetDirectoryName(ThisFile())!, "Packages", name);

    /// <summary>The package's files by path, as text. The multi-part package plays the 1.2 test SCO (its index.html and sco.js).</summary>
    public static Dictionary<string, string> Files(string name)
    {
        var root = Folder(name);
        var files = Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllText, StringComparer.Ordinal);
        if (name == Scorm12Multi)
        {
            foreach (var shared in new[] { "index.html", "sco.js" })
            {
                files[shared] = File.ReadAllText(Path.Combine(Folder(Scorm12), shared));
            }
        }

        return files;
    }

    /// <summary>Launches the learner's attempt at a part (default: the first not done) and returns the launch response.</summary>
    public static async Task<JsonElement> LaunchAsync(HttpClient learner, int packageId, int? sco = null)
    {
        var response = await learner.PostAsync($"/api/v1/scorm/packages/{packageId}/launch" + (sco is int n ? $"?sco={n}" : ""), null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Commits a part's CMI as the runtime would and returns the response ({"result","errorCode","completed"}).</summary>
    public static async Task<JsonElement> CommitAsync(HttpClient learner, long attemptId, JsonObject cmi, int? sco = null)
    {
        var response = await learner.PostAsJsonAsync($"/api/v1/scorm/attempts/{attemptId}/cmi" + (sco is int n ? $"?sco={n}" : ""), cmi);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static byte[] Zip(IReadOnlyDictionary<string, string> files)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, text) in files)
            {
                using var writer = new StreamWriter(zip.CreateEntry(path).Open());
                writer.Write(text);
            }
        }

        return buffer.ToArray();
    }

    public static byte[] Zip(string name) => Zip(Files(name));

    /// <summary>The package with its manifest text changed by <paramref name="edit"/>.</summary>
    public static byte[] WithManifest(string name, Func<string, string> edit)
    {
        var files = Files(name);
        files["imsmanifest.xml"] = edit(files["imsmanifest.xml"]);
        return Zip(files);
    }

    public static MultipartFormDataContent Form(byte[] zip, string? competencies = Competency, bool publish = true, int? moduleId = null, string fileName = "package.zip")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(zip);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        form.Add(file, "file", fileName);
        if (competencies is not null)
        {
            form.Add(new StringContent(competencies), "competencies");
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

    /// <summary>Imports (published, conferring Adult BLS) as the compliance lead and returns the response body.</summary>
    public static async Task<JsonElement> ImportAsync(HttpClient lead, string name)
    {
        var response = await lead.PostAsync("/api/v1/scorm/packages", Form(Zip(name)));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
