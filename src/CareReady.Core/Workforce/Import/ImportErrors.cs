namespace CareReady.Core.Workforce.Import;

/// <summary>Errors that concern a whole file rather than one of its cells.</summary>
public static class ImportErrors
{
    /// <summary>Another import wrote the same records while this one was being checked; this one saved nothing.</summary>
    public static readonly ImportError ConcurrentImport = new(0, "(file)", "",
        "no other import of the same records running at the same time; nothing was changed — import the file again");
}
