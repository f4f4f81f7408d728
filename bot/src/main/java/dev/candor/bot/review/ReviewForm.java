package dev.candor.bot.review;

import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Form;
import dev.candor.bot.chat.Text;
import dev.candor.bot.checkin.Questions;
import dev.candor.storage.review.ReviewAudience;
import dev.candor.storage.review.ReviewPhaseKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * HR's one form to start a review cycle, every field filled with a sensible default: its name, who takes part (less
 * those who joined after a day), the period it covers, and the self review's first and last days and questions.
 */
final class ReviewForm {
    static final String ID = "review.new";
    static final String NAME = "name";
    static final String AUDIENCE = "audience";
    static final String DEPARTMENTS = "departments";
    static final String MANAGER = "manager";
    static final String JOINED_BY = "joined_by";
    static final String PERIOD_FROM = "period_from";
    static final String PERIOD_TO = "period_to";
    static final String SELF_OPENS = "self_opens";
    static final String SELF_DUE = "self_due";
    static final String SELF_QUESTIONS = "self_questions";
    static final String PEERS_OPENS = "peers_opens";
    static final String PEERS_DUE = "peers_due";
    static final String PEER_OPENS = "peer_opens";
    static final String PEER_DUE = "peer_due";
    static final String PEER_QUESTIONS = "peer_questions";
    static final String SHARING_OPENS = "sharing_opens";
    static final String SHARING_DUE = "sharing_due";
    static final String MANAGER_OPENS = "manager_opens";
    static final String MANAGER_DUE = "manager_due";
    static final String MANAGER_QUESTIONS = "manager_questions";
    static final int LONGEST_NAME = 80;
    /** How long the self review runs by default. */
    static final int SELF_DAYS = 14;

    private ReviewForm() {}

    /** @param departments the directory's departments to choose from (none: the input is left out) */
    static Form of(LocalDate today, List<String> departments) {
        List<Form.Input> inputs = new ArrayList<>();
        inputs.add(
                new Form.TextInput(NAME, "Name", today.getYear() + " annual review", false, true, null, LONGEST_NAME));
        inputs.add(new Form.ChoiceInput(
                AUDIENCE,
                "Who takes part",
                List.of(
                        new Form.Choice(ReviewAudience.EVERYONE.dbValue(), "Everyone"),
                        new Form.Choice(ReviewAudience.DEPARTMENTS.dbValue(), "One or more departments"),
                        new Form.Choice(ReviewAudience.ORGANISATION.dbValue(), "A manager's whole organisation")),
                false,
                true,
                List.of(ReviewAudience.EVERYONE.dbValue())));
        if (!departments.isEmpty()) {
            inputs.add(new Form.ChoiceInput(
                    DEPARTMENTS,
                    "Departments",
                    departments.stream()
                            .map(name -> new Form.Choice(name, name))
                            .toList(),
                    true,
                    false,
                    List.of(),
                    "With \"One or more departments\"."));
        }
        inputs.add(new Form.PeopleInput(
                MANAGER,
                "Manager",
                1,
                false,
                List.of(),
                "With \"A manager's whole organisation\": everyone under them, at any depth."));
        inputs.add(new Form.DateInput(
                JOINED_BY,
                "Only people who joined by",
                false,
                null,
                "Leaves out people who joined after this day (start_date in the people CSV). Empty: everyone."));
        inputs.add(new Form.DateInput(
                PERIOD_FROM,
                "Covers from",
                true,
                LocalDate.of(today.getYear(), 1, 1).toString(),
                "The period the reviews look back on."));
        inputs.add(new Form.DateInput(PERIOD_TO, "Covers until", true, today.toString(), null));
        inputs.add(new Form.DateInput(
                SELF_OPENS,
                "Self review opens",
                true,
                today.toString(),
                "At 09:00 in each person's own zone; today or earlier asks everyone now (or at their next working"
                        + " morning)."));
        inputs.add(new Form.DateInput(
                SELF_DUE,
                "Self review due",
                true,
                today.plusDays(SELF_DAYS).toString(),
                "At the end of each person's working day (17:00 their time); on a day they don't work, their working"
                        + " day before."));
        inputs.add(new Form.TextInput(
                SELF_QUESTIONS,
                "Self review questions",
                null,
                true,
                true,
                ReviewTemplates.lines(ReviewPhaseKind.SELF),
                3000,
                Questions.SYNTAX));
        inputs.add(new Form.DateInput(
                PEERS_OPENS,
                "Peer nomination opens",
                false,
                null,
                "Each participant proposes up to " + ReviewFeature.MOST_PEERS + " colleagues and their manager approves"
                        + " them. Leave the peer days empty to leave peer reviews out."));
        inputs.add(new Form.DateInput(PEERS_DUE, "Peer nomination due", false, null, null));
        inputs.add(new Form.DateInput(
                PEER_OPENS,
                "Peer review opens",
                false,
                null,
                "The approved peers review them; on or after the nomination's last day."));
        inputs.add(new Form.DateInput(PEER_DUE, "Peer review due", false, null, null));
        inputs.add(new Form.TextInput(
                PEER_QUESTIONS,
                "Peer review questions",
                null,
                true,
                false,
                ReviewTemplates.lines(ReviewPhaseKind.PEER),
                3000,
                null));
        inputs.add(new Form.DateInput(
                MANAGER_OPENS,
                "Manager review opens",
                false,
                null,
                "Each participant's manager reviews them, with the evidence a manager may see. Leave both days empty"
                        + " to leave it out."));
        inputs.add(new Form.DateInput(MANAGER_DUE, "Manager review due", false, null, null));
        inputs.add(new Form.TextInput(
                MANAGER_QUESTIONS,
                "Manager review questions",
                null,
                true,
                false,
                ReviewTemplates.lines(ReviewPhaseKind.MANAGER),
                3000,
                null));
        inputs.add(new Form.DateInput(
                SHARING_OPENS,
                "Sharing opens",
                false,
                null,
                "Managers share the review they wrote and each person acknowledges it, with comments if they like;"
                        + " on or after the manager review's last day. Empty: reviews are not shared."));
        inputs.add(new Form.DateInput(SHARING_DUE, "Sharing due", false, null, null));
        return new Form(
                ID,
                "New review cycle",
                "Start",
                List.of(new Block.Context(Text.of("Everyone taking part gets a DM when the self review opens, and"
                        + " reminders a week, a day and the morning before it is due, in their own working hours;"
                        + " nobody who is done or away is nudged."))),
                inputs,
                "");
    }
}
