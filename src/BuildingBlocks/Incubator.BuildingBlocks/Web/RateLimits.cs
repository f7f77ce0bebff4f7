namespace Incubator.BuildingBlocks.Web;

/// <summary>The names of the host's rate-limiting policies, for <c>[EnableRateLimiting]</c> on the modules' endpoints.</summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string SignUp = "sign-up";

    /// <summary>Creating and submitting applications, per person.</summary>
    public const string Submission = "submission";
}
