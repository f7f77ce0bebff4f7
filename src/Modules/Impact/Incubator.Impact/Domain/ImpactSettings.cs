using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Messaging;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Impact.Domain;

/// <summary>A question a program adds to its questionnaires; a question removed is retired, so its answers keep their wording.</summary>
internal sealed class ProgramQuestion
{
    public const int TextMax = 300;

    private ProgramQuestion()
    {
        Text = string.Empty;
    }

    public ProgramQuestion(Guid id, string text, QuestionType type, int position)
    {
        Id = id;
        Text = text;
        Type = type;
        Position = position;
    }

    public Guid Id { get; private set; }

    public string Text { get; private set; }

    public QuestionType Type { get; private set; }

    public int Position { get; private set; }

    public bool Retired { get; private set; }

    public void Keep(string text, int position)
    {
        Text = text;
        Position = position;
        Retired = false;
    }

    public void Retire() => Retired = true;
}

/// <summary>
/// A program's follow-up: the months after the season's end when a questionnaire opens (6, 12 and 24 by default), and
/// the program's own questions. One per program, made the first time a lead saves it.
/// </summary>
internal sealed class ImpactSettings : AggregateRoot
{
    public static readonly IReadOnlyList<int> DefaultFollowUpMonths = [6, 12, 24];
    public const int MaxQuestions = 20;
    public const int MaxMonths = 60;

    private readonly List<ProgramQuestion> _questions = [];

    private ImpactSettings()
    {
        FollowUpMonths = string.Empty;
    }

    public Guid ProgramId { get; private set; }

    /// <summary>Stored as "6,12,24".</summary>
    public string FollowUpMonths { get; private set; }

    public IReadOnlyList<ProgramQuestion> Questions => _questions;

    public IReadOnlyList<int> Months => FollowUpMonths.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();

    public IEnumerable<ProgramQuestion> ActiveQuestions => _questions.Where(q => !q.Retired).OrderBy(q => q.Position);

    public static ImpactSettings For(Guid programId) => new() { ProgramId = programId, FollowUpMonths = string.Join(',', DefaultFollowUpMonths) };

    /// <summary>
    /// Sets the follow-up months (1 to 60, at most five, in order) and the program's questions: a known id keeps its
    /// question (and its answers), a new one is added, one left out is retired.
    /// </summary>
    public void Configure(IReadOnlyList<int> months, IReadOnlyList<(Guid? Id, string Text, QuestionType Type)> questions)
    {
        var distinct = months.Distinct().Order().ToList();
        if (distinct.Count > 5 || distinct.Any(m => m is < 1 or > MaxMonths))
        {
            throw new DomainException(L($"Au plus cinq suivis, chacun entre 1 et {MaxMonths} mois après la fin.",
                $"At most five follow-ups, each between 1 and {MaxMonths} months after the end."), "followUpMonths");
        }

        if (questions.Count > MaxQuestions)
        {
            throw new DomainException(L($"Au plus {MaxQuestions} questions.", $"At most {MaxQuestions} questions."), "questions");
        }

        FollowUpMonths = string.Join(',', distinct);
        var kept = new HashSet<Guid>();
        for (var i = 0; i < questions.Count; i++)
        {
            var (id, text, type) = questions[i];
            var known = id is { } given ? _questions.FirstOrDefault(q => q.Id == given) : null;
            if (known is null)
            {
                known = new ProgramQuestion(Guid.NewGuid(), text.Trim(), type, i);
                _questions.Add(known);
            }
            else
            {
                known.Keep(text.Trim(), i);
            }

            kept.Add(known.Id);
        }

        foreach (var question in _questions.Where(q => !kept.Contains(q.Id)))
        {
            question.Retire();
        }
    }
}
