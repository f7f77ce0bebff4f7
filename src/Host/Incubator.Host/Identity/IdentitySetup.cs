using Incubator.BuildingBlocks.Web;
using Incubator.BuildingBlocks;
using Incubator.BuildingBlocks.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.Data;

namespace Incubator.Host.Identity;

internal static class IdentitySetup
{
    public const string PagesOrBearer = "PagesOrBearer";

    public static void AddIncubatorIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddModuleDbContext<IdentityDb, IdentitySqliteDb, IdentitySqlServerDb, IdentityPostgreSqlDb>(builder.Configuration, IdentityDb.Module);
        services.AddDataProtection().SetApplicationName("Incubator").PersistKeysToDbContext<IdentityDb>();

        services.AddIdentityApiEndpoints<IncubatorUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddClaimsPrincipalFactory<IncubatorClaims>()
            .AddEntityFrameworkStores<IdentityDb>()
            .AddErrorDescriber<FrenchFirstIdentityErrors>();

        // Pages sign in with a cookie, the API with bearer tokens: pick by the request.
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = PagesOrBearer;
                o.DefaultChallengeScheme = PagesOrBearer;
                o.DefaultForbidScheme = PagesOrBearer;
            })
            .AddPolicyScheme(PagesOrBearer, "Cookie for pages, bearer for the API", o =>
                o.ForwardDefaultSelector = ctx =>
                    ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? IdentityConstants.BearerScheme
                        : IdentityConstants.ApplicationScheme);

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = "incubator.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.ProgramLead, p => p.RequireRole(Roles.ProgramLead))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Reviewer, p => p.RequireRole(Roles.Reviewer, Roles.ProgramLead))
            .AddPolicy(Policies.Coach, p => p.RequireRole(Roles.Coach, Roles.ProgramLead))
            .AddPolicy(Policies.Applicant, p => p.RequireAuthenticatedUser());

        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        services.AddScoped<Accounts>();
        services.AddScoped<PersonalData>();
    }

    /// <summary>The API answers 401/403; pages are redirected to the sign-in or denied page.</summary>
    private static Task ApiAware(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/jobs"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>The Identity API endpoints under /api/auth; a registered account is an applicant.</summary>
    public static void MapIncubatorIdentityApi(this WebApplication app)
    {
        app.MapGroup("/api/auth")
            .MapIdentityApi<IncubatorUser>()
            .WithTags("Identity")
            .RequireRateLimiting(Infrastructure.Protection.IdentityApi)
            .AddEndpointFilter(CleanInput.EndpointFilter)
            .AddEndpointFilter(async (context, next) =>
            {
                var result = await next(context);
                if (context.HttpContext.Request.Path.Equals("/api/auth/register", StringComparison.OrdinalIgnoreCase)
                    && result is Results<Ok, ValidationProblem> { Result: Ok }
                    && context.Arguments.OfType<RegisterRequest>().FirstOrDefault() is { } registration)
                {
                    var users = context.HttpContext.RequestServices.GetRequiredService<UserManager<IncubatorUser>>();
                    var time = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
                    if (await users.FindByEmailAsync(registration.Email) is { } user)
                    {
                        user.DisplayName = registration.Email;
                        user.CreatedAt = time.GetUtcNow();
                        await users.UpdateAsync(user);
                        await users.AddToRoleAsync(user, Roles.Applicant);
                    }
                }

                return result;
            });
    }

    /// <summary>Creates the roles, and the first administrator from the settings when there is none of that e-mail.</summary>
    public static async Task SeedIdentityAsync(this IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole<Guid>(role));
            }
        }

        var configuration = scope.ServiceProvider.GetRequiredService<IConfiguration>();
        var email = configuration["Incubator:Bootstrap:AdminEmail"];
        var password = configuration["Incubator:Bootstrap:AdminPassword"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password))
        {
            return;
        }

        if (await scope.ServiceProvider.GetRequiredService<UserManager<IncubatorUser>>().FindByEmailAsync(email) is not null)
        {
            return;
        }

        var (admin, errors) = await scope.ServiceProvider.GetRequiredService<Accounts>().CreateAsync(
            email, configuration["Incubator:Bootstrap:AdminDisplayName"] ?? "Administrateur", password, [Roles.Admin, Roles.ProgramLead], emailConfirmed: true);
        if (admin is null)
        {
            throw new InvalidOperationException("The bootstrap administrator could not be created: "
                + string.Join(" ", errors.SelectMany(e => e.Value)));
        }
    }
}

internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public Guid? Id => accessor.HttpContext?.User.UserId();

    public bool IsInRole(string role) => accessor.HttpContext?.User.IsInRole(role) ?? false;
}
