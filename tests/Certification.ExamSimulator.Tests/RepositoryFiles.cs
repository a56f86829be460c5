namespace Certification.ExamSimulator.Tests;

internal static class RepositoryFiles
{
    /// <summary>The repository's root: the folder of Certification.sln above the test's output folder.</summary>
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Certification.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Certification.sln not found above " + AppContext.BaseDirectory);
    }
}
