namespace CareReady.Core.Workforce;

/// <summary>Helpers for the materialised-path department tree.</summary>
public static class DepartmentTree
{
    public static string PathOf(string? parentPath, int id) => (string.IsNullOrEmpty(parentPath) ? "/" : parentPath) + id + "/";

    public static void AssignPath(Department department, Department? parent) =>
        department.Path = PathOf(parent?.Path, department.Id);

    /// <summary>True when <paramref name="path"/> is <paramref name="ancestorPath"/> or below it.</summary>
    public static bool IsWithin(string path, string ancestorPath) =>
        path.StartsWith(ancestorPath, StringComparison.Ordinal);
}
