package org.backcare.homecare;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.backcare.assessment.HomeCareTheme;
import org.backcare.assessment.IntakeAnswers;
import org.backcare.assessment.Recommendation;

/**
 * What a home plan is made of: the items BackCare offers, which of them each of the
 * recommendation's home-care themes proposes, the safety notes every item carries, and
 * the contraindication rules that keep an item from being offered or add a note to it.
 * Each rule names its source.
 *
 * <p>
 * Sources: Nadler SF, Weingand K, Kruse RJ. The physiologic basis and clinical
 * applications of cryotherapy and thermotherapy for the pain practitioner. Pain Physician
 * 2004;7(3):395–399 (cold wrapped, 10–15 minutes; heat not over broken or infected skin,
 * with bleeding disorders or thrombosis, over malignancy; care where sensation is
 * reduced); French SD et al., Superficial heat or cold for low back pain, Cochrane 2006
 * (heat wrap); NICE NG59 1.2.1 (exercise); NHS, Back pain: self-help (posture, movement,
 * heat or cold wrapped in a towel).
 */
public final class HomeCareCatalogue {

	static final String NADLER = "Nadler et al., Pain Physician 2004;7(3):395–399";

	static final String NHS = "NHS, Back pain: things you can do yourself";

	static final String NICE = "NICE NG59 1.2.1 (exercise)";

	/**
	 * An item BackCare offers, as first proposed: its key (the same in every plan
	 * version), kind, words, dose, the theme that proposes it (null: offered, never
	 * proposed by itself), and the notes it always carries.
	 */
	public record Template(String item, HomeItemKind kind, String title, String instruction, Integer timesPerDay,
			Integer daysPerWeek, Integer minutes, HomeCareTheme theme, List<String> safety, String source) {

		HomeItem asItem(List<String> moreSafety) {
			List<String> notes = new ArrayList<>(this.safety);
			notes.addAll(moreSafety);
			return new HomeItem(this.item, this.kind, this.title, this.instruction, this.timesPerDay, this.daysPerWeek,
					this.minutes, notes);
		}

	}

	private static final String STOP = "Stop if the pain gets sharply worse or spreads, and tell your therapist.";

	public static final List<Template> ITEMS = List.of(
			new Template("desk-setup", HomeItemKind.POSTURE, "Set up your desk",
					"Screen at eye level, feet flat on the floor, your lower back supported by the chair or a small "
							+ "cushion. Check it at the start of each working day.",
					null, 5, 5, HomeCareTheme.POSTURE, List.of(), NHS),
			new Template("movement-break", HomeItemKind.MOVEMENT_BREAK, "Stand up and move",
					"Every 30 to 45 minutes of sitting, stand up, walk a few steps and stretch gently.", 6, null, 2,
					HomeCareTheme.POSTURE, List.of(), NHS),
			new Template("walk", HomeItemKind.EXERCISE, "Walk",
					"A brisk walk at a pace you can still talk at. Start with what is comfortable and add a few "
							+ "minutes each week.",
					null, 5, 30, HomeCareTheme.EXERCISE, List.of(STOP), NICE),
			new Template("swim", HomeItemKind.EXERCISE, "Swim or walk in water",
					"Gentle lengths, or walking in the shallow end. Water takes the load off your back.", null, 2, 30,
					null, List.of(STOP), NICE),
			new Template("heat", HomeItemKind.HEAT, "Heat pack",
					"A heating pad or hot-water bottle, wrapped in a cloth, on the sore area.", 2, null, 15,
					HomeCareTheme.HEAT_COLD,
					List.of("Warm, not hot, and always wrapped; at most 20 minutes. Never fall asleep on a heating pad.",
							"Check your skin: stop if it turns very red, blotchy or blistered."),
					"French et al., Cochrane 2006 (heat wraps ease acute low back pain); the dose and time limit: the "
							+ "clinic's own rule, after " + NADLER),
			new Template("cold", HomeItemKind.COLD, "Cold pack",
					"Ice or a bag of frozen peas, wrapped in a towel, on the sore area.", 2, null, 10, null,
					List.of("Always wrapped in a towel, never on bare skin; 10 to 15 minutes.",
							"Stop if the skin goes numb, white or blotchy."),
					NHS + " (wrapped in a towel); 10–15 minutes: the clinic's own rule, after " + NADLER),
			new Template("breathing", HomeItemKind.STRESS, "Slow breathing",
					"Sit or lie comfortably. Breathe in for a count of 4 and out for a count of 6.", 1, null, 10,
					HomeCareTheme.STRESS, List.of(), "The clinic's own rule, for the recommendation's stress theme"),
			new Template("weight-step", HomeItemKind.WEIGHT, "One step towards a healthy weight",
					"Choose one small change for this week (a daily walk, smaller portions, water instead of sugary "
							+ "drinks) and weigh yourself once a week.",
					null, 1, null, HomeCareTheme.WEIGHT, List.of(), "Shiri et al., Am J Epidemiol 2010"));

	/**
	 * A rule from the client's contraindication answers: items it keeps from being
	 * offered (by kind), a note it adds to items of other kinds, and its source.
	 */
	public record SafetyRule(String code, Predicate<IntakeAnswers> applies, Set<HomeItemKind> rulesOut, String because,
			Set<HomeItemKind> notes, String note, String source) {
	}

	public static final List<SafetyRule> RULES = List.of(
			new SafetyRule("skin-problem", a -> a.contraindications().skinProblemInArea(),
					EnumSet.of(HomeItemKind.HEAT, HomeItemKind.COLD),
					"Skin infected, broken or burnt in the area: no heat or cold on it until it has healed",
					EnumSet.noneOf(HomeItemKind.class), null, NADLER),
			new SafetyRule("bleeding", a -> a.contraindications().anticoagulantsOrBleedingDisorder(),
					EnumSet.of(HomeItemKind.HEAT),
					"Blood thinners or a bleeding disorder: no heat (it widens blood vessels)",
					EnumSet.noneOf(HomeItemKind.class), null, NADLER),
			new SafetyRule("suspected-dvt", a -> a.contraindications().suspectedDvt(),
					EnumSet.of(HomeItemKind.HEAT, HomeItemKind.EXERCISE),
					"A suspected blood clot: no heat and no exercise until a doctor has ruled it out (please see one "
							+ "promptly)",
					EnumSet.noneOf(HomeItemKind.class), null,
					NADLER + " (heat); exercise: the clinic's own rule, as for the legs' massage (Batavia 2004)"),
			new SafetyRule("cancer-treatment", a -> a.contraindications().activeCancerTreatment(),
					EnumSet.of(HomeItemKind.HEAT), "Active cancer treatment: no heat over the body (malignancy)",
					EnumSet.noneOf(HomeItemKind.class), null, NADLER),
			new SafetyRule("numbness", a -> a.painMap().numbnessOrTingling(), EnumSet.noneOf(HomeItemKind.class), null,
					EnumSet.of(HomeItemKind.HEAT, HomeItemKind.COLD),
					"Where your skin feels numb you may not feel a burn: check it every 5 minutes.", NADLER),
			new SafetyRule("recent-fracture", a -> a.contraindications().recentFracture(),
					EnumSet.noneOf(HomeItemKind.class), null, EnumSet.of(HomeItemKind.EXERCISE),
					"Keep to the activity your doctor allowed while the fracture heals.", "The clinic's own rule"));

	private HomeCareCatalogue() {
	}

	/**
	 * An item as offered to the therapist: proposed by the recommendation or not, ruled
	 * out (with why and the source) or not, with every safety note for this client.
	 */
	public record Offered(Template template, boolean proposed, String ruledOut, String source, HomeItem item) {

		public boolean offered() {
			return this.ruledOut == null;
		}

	}

	/**
	 * The catalogue for a client: with their intake's answers and recommendation (both
	 * null without an intake: everything offered, nothing proposed).
	 */
	public static List<Offered> offer(IntakeAnswers answers, Recommendation recommendation) {
		Set<HomeCareTheme> themes = EnumSet.noneOf(HomeCareTheme.class);
		if (recommendation != null) {
			recommendation.homeCare().forEach(care -> themes.add(care.theme()));
		}
		List<Offered> offered = new ArrayList<>();
		for (Template template : ITEMS) {
			Optional<SafetyRule> out = (answers == null) ? Optional.empty()
					: RULES.stream()
						.filter(rule -> rule.rulesOut().contains(template.kind()) && rule.applies().test(answers))
						.findFirst();
			List<String> notes = (answers == null) ? List.of()
					: RULES.stream()
						.filter(rule -> rule.notes().contains(template.kind()) && rule.applies().test(answers))
						.map(SafetyRule::note)
						.toList();
			boolean proposed = template.theme() != null && themes.contains(template.theme());
			offered.add(new Offered(template, proposed && out.isEmpty(), out.map(SafetyRule::because).orElse(null),
					out.map(SafetyRule::source).orElse(template.source()), template.asItem(notes)));
		}
		return offered;
	}

}
