namespace CareReady.Core.Workforce.Import;

/// <summary>One column of the import file, as the README and the import page describe it.</summary>
/// <param name="Header">The header text (matched case-insensitively, ignoring surrounding spaces).</param>
/// <param name="Required">
/// True when the column must be present and every row must give a value. An optional column may be left
/// out of the file altogether; for people and positions that already exist, a column that is left out
/// leaves the stored value as it is.
/// </param>
/// <param name="Format">What a value must look like, in words.</param>
/// <param name="Example">A valid value.</param>
public sealed record CsvColumn(string Header, bool Required, string Format, string Example);
