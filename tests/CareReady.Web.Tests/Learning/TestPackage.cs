using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;

namespace CareReady.Web.Tests.Learning;

/// <summary>A small content package built from in-code files (docs/content-packages.md).</summary>
internal static class TestPackage
{
    public const string Code = "HAND-HYGIENE";

    public static Dictionary<string, string> Good() => new(StringComparer.Ordinal)
    {
        ["module.yaml"] = """
            format: careready-module/1
            code: HAND-HYGIENE
            title: Hand hygiene
            summary: When and how to clean your hands.
            estimatedMinutes: 15
            confers:
              - competency: CSTF-IPC-1
            lessons:
              - title: The five moments
                file: lessons/01-five-moments.md
            assessment:
              questionsPerOutcome: 1
              outcomes:
                - code: LO1
                  text: Name the five moments for hand hygiene
            """,
        ["questions.yaml"] = """
            questions:
              - id: HH-Q01
                outcome: LO1
                type: truefalse
                text: You should clean your hands before touching a patient.
                answer: true
                feedback: It is the first of the five moments.
              - id: HH-Q02
                outcome: LO1
                type: numeric
                text: For how many seconds should an alcohol hand rub take?
                answer: 25
                tolerance: 5
                unit: seconds
                feedback: About 20 to 30 seconds.
            """,
        ["lessons/01-five-moments.md"] = "## The five moments\n\n![The five moments around a patient](media/moments.svg)\n",
        ["media/moments.svg"] = """<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>""",
    };

    /// <summary>The good package with three problems in it.</summary>
    public static Dictionary<string, string> Bad()
    {
        var files = Good();
        files["module.yaml"] = files["module.yaml"].Replace("competency: CSTF-IPC-1", "competency: CSTF-NOPE-1", StringComparison.Ordinal);
        files["questions.yaml"] = files["questions.yaml"].Replace("answer: true", "answer: perhaps", StringComparison.Ordinal);
        files.Remove("media/moments.svg");
        return files;
    }

    public static readonly string[] BadProblems =
    [
        "module.yaml line 7: confers: \"CSTF-NOPE-1\" is not a competency code in the catalogue (e.g. CSTF-FIRE-1, AIDHT-D1-L2)",
        "questions.yaml line 6: question \"HH-Q01\": 'answer' must be true or false (found \"perhaps\")",
        "lessons/01-five-moments.md line 3: the image \"media/moments.svg\" is not in the package",
    ];

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

    /// <summary>multipart/form-data with the zip as 'file' (and 'publish' when asked).</summary>
    public static MultipartFormDataContent Form(byte[] zip, bool publish = false, string fileField = "file", string fileName = "package.zip")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(zip);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        form.Add(file, fileField, fileName);
        if (publish)
        {
            form.Add(new StringContent("true"), "publish");
        }

        return form;
    }
}
