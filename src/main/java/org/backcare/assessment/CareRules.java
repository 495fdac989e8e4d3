package org.backcare.assessment;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.backcare.assessment.Recommendation.Excluded;
import org.backcare.assessment.Recommendation.FiredRule;
import org.backcare.assessment.Recommendation.HomeCare;
import org.backcare.assessment.Recommendation.Phase;
import org.backcare.assessment.Recommendation.TechniqueChoice;
import org.backcare.therapist.Technique;

/**
 * The care rules, in one table: when each applies, what it proposes and why, and its
 * source. The endpoint {@code GET /api/v1/intake/rules} and the assessment pages show
 * them as written here.
 *
 * <p>
 * A word on evidence. Guidelines support massage for low back pain only as part of a
 * package with exercise (NICE NG59 1.2.7), and trials find little difference between
 * massage styles (Cherkin et al. 2011 found relaxation and structural massage equally
 * effective). Which technique suits which pattern (tension from sitting, knots,
 * adhesions) therefore follows massage-therapy teaching rather than trials; those rules
 * say so in their source. The risk stratification and the exercise advice do rest on
 * trials and guidelines.
 *
 * <p>
 * Sources cited below: NICE NG59, Low back pain and sciatica in over 16s (2016, updated
 * 2020); Hill JC et al., Comparison of stratified primary care management for low back
 * pain with current best practice (STarT Back), Lancet 2011;378:1560–1571; Cherkin DC et
 * al., A comparison of the effects of 2 types of massage and usual care on chronic low
 * back pain, Ann Intern Med 2011;155:1–9; Furlan AD et al., Massage for low-back pain,
 * Cochrane Database Syst Rev 2015;(9):CD001929; French SD et al., Superficial heat or
 * cold for low back pain, Cochrane Database Syst Rev 2006;(1):CD004750; Fritz S, Mosby's
 * Fundamentals of Therapeutic Massage, 7th ed. 2020 (technique selection by tissue
 * pattern); WHO, Obesity: preventing and managing the global epidemic, TRS 894, 2000 (BMI
 * ≥ 30); Shiri R et al., The association between obesity and low back pain: a
 * meta-analysis, Am J Epidemiol 2010;171:135–154.
 */
public final class CareRules {

	/** Changes whenever a rule changes; stored with every assessment. */
	public static final String VERSION = "care-rules 2026-11-24";

	/** WHO obesity threshold: a BMI of 30.0 or more (WHO TRS 894, 2000). */
	public static final double OBESITY_BMI = 30.0;

	private static final String TEACHING = "Technique choice by tissue pattern: Fritz, Mosby's Fundamentals of "
			+ "Therapeutic Massage 2020; massage for back pain: Furlan et al., Cochrane 2015";

	/** What a rule looks at. */
	public record Facts(IntakeAnswers answers, StartBack.Score startBack, Double bodyMassIndex) {

		PainDuration duration() {
			return this.answers.duration();
		}

		boolean causedBy(Cause... causes) {
			for (Cause cause : causes) {
				if (this.answers.causes().contains(cause)) {
					return true;
				}
			}
			return false;
		}

	}

	sealed interface Advice {

	}

	public record Suggest(Technique technique, String reason) implements Advice {
	}

	public record AtHome(HomeCareTheme theme, String reason) implements Advice {
	}

	public record WithOthers(String reason) implements Advice {
	}

	public record Schedule(Phase phase) implements Advice {
	}

	/**
	 * @param fallback applies only when no other rule has proposed a technique that is
	 * allowed
	 */
	public record Rule(String id, String when, String source, Predicate<Facts> applies, List<Advice> advice,
			boolean fallback) {

		Rule(String id, String when, String source, Predicate<Facts> applies, Advice... advice) {
			this(id, when, source, applies, List.of(advice), false);
		}

	}

	public static final List<Rule> RULES = List.of(
			new Rule("tension-from-sitting", "Posture or long sitting is a cause", TEACHING,
					f -> f.causedBy(Cause.POSTURE, Cause.PROLONGED_SITTING),
					new Suggest(Technique.SWEDISH, "first, to relax the muscles that sitting and posture keep tense"),
					new Suggest(Technique.TRIGGER_POINT,
							"then, to release the knots that holding one posture builds up"),
					new AtHome(HomeCareTheme.POSTURE, "set up your desk and stand up or move every 30 to 45 minutes")),
			new Rule("chronic-knots", "The pain has lasted more than 12 weeks", TEACHING + "; Cherkin et al. 2011",
					f -> f.duration() == PainDuration.CHRONIC,
					new Suggest(Technique.DEEP_TISSUE, "for long-standing knots and tight tissue"),
					new Suggest(Technique.MYOFASCIAL_RELEASE, "to loosen the adhesions that long-lasting pain leaves")),
			new Rule("chronic-exercise-package", "The pain has lasted more than 12 weeks",
					"NICE NG59 1.2.1 (exercise) and 1.2.7 (manual therapy only as part of a package including exercise)",
					f -> f.duration() == PainDuration.CHRONIC,
					new WithOthers(
							"Guidelines favour exercise alongside massage for lasting back pain: NICE NG59 recommends "
									+ "massage only as part of a package that includes exercise (1.2.7)."),
					new AtHome(HomeCareTheme.EXERCISE,
							"regular exercise is the treatment with the best evidence for "
									+ "lasting back pain (NICE NG59 1.2.1)")),
			new Rule("fresh-strain", "A lifting or sports strain less than 6 weeks old",
					TEACHING + "; French et al. 2006",
					f -> f.causedBy(Cause.LIFTING_OR_SPORTS_INJURY) && f.duration() == PainDuration.ACUTE,
					new Suggest(Technique.SWEDISH,
							"gentle massage while a fresh strain settles; deep work can irritate it"),
					new AtHome(HomeCareTheme.HEAT_COLD,
							"a heat wrap eases pain in the first weeks (moderate evidence, Cochrane 2006)")),
			new Rule("settled-strain", "A lifting or sports strain older than 6 weeks", TEACHING,
					f -> f.causedBy(Cause.LIFTING_OR_SPORTS_INJURY) && f.duration() != PainDuration.ACUTE,
					new Suggest(Technique.TRIGGER_POINT, "for the knots a strain leaves behind once it has settled"),
					new AtHome(HomeCareTheme.EXERCISE, "strengthening helps prevent the strain from coming back")),
			new Rule("repetitive-strain", "Repetitive movements are a cause", TEACHING,
					f -> f.causedBy(Cause.REPETITIVE_MOVEMENT),
					new Suggest(Technique.TRIGGER_POINT, "for trigger points in the muscles that repeat the movement"),
					new Suggest(Technique.MYOFASCIAL_RELEASE, "to free fascia tightened by repeated loading"),
					new AtHome(HomeCareTheme.POSTURE, "vary the movement and take short breaks")),
			new Rule("stress", "Stress is a cause", "Cherkin et al. 2011 (relaxation massage); NICE NG59 1.2.1",
					f -> f.causedBy(Cause.STRESS),
					new Suggest(Technique.SWEDISH,
							"relaxation massage eases stress-held tension (as effective as "
									+ "structural massage for chronic back pain in Cherkin et al. 2011)"),
					new AtHome(HomeCareTheme.STRESS,
							"breathing and relaxation exercises help with stress-held tension")),
			new Rule("disc", "A diagnosed disc herniation", TEACHING + "; NICE NG59 1.2 (sciatica)",
					f -> f.causedBy(Cause.DISC_HERNIATION),
					new Suggest(Technique.SWEDISH, "gentle work around, not on, the irritated disc level"),
					new Suggest(Technique.MYOFASCIAL_RELEASE, "to ease protective tension in the surrounding muscles"),
					new WithOthers("With a diagnosed disc herniation, massage works best alongside the doctor or "
							+ "physiotherapist treating it; please tell them you are having massage.")),
			new Rule("alignment", "A diagnosed spinal misalignment or scoliosis", TEACHING,
					f -> f.causedBy(Cause.SPINAL_MISALIGNMENT),
					new Suggest(Technique.MYOFASCIAL_RELEASE, "to balance tension between the two sides of the back"),
					new Suggest(Technique.SWEDISH, "to relax the muscles working to hold you upright"),
					new AtHome(HomeCareTheme.POSTURE, "posture exercises support what massage loosens")),
			new Rule("activity-change", "A recent change in activity", "NICE NG59 1.2.1 (exercise)",
					f -> f.causedBy(Cause.ACTIVITY_CHANGE),
					new Suggest(Technique.SWEDISH, "to ease muscles adapting to new demands"),
					new AtHome(HomeCareTheme.EXERCISE, "build up new activity gradually")),
			new Rule("startback-high", "STarT Back: high risk (psychosocial subscale 4 or more)",
					"Hill et al., Lancet 2011 (STarT Back trial); NICE NG59 1.1.1 (risk stratification)",
					f -> f.startBack().risk() == StartBack.Risk.HIGH,
					new WithOthers("Your answers suggest the pain is affecting you a lot. People in this situation do "
							+ "best with combined care: massage together with a physiotherapist (psychologically "
							+ "informed physiotherapy) or your doctor (STarT Back trial, Lancet 2011). We recommend "
							+ "seeing one alongside your massage.")),
			new Rule("startback-medium", "STarT Back: medium risk",
					"Hill et al., Lancet 2011 (STarT Back trial: physiotherapy for medium risk)",
					f -> f.startBack().risk() == StartBack.Risk.MEDIUM,
					new WithOthers("A physiotherapist's exercise programme alongside massage is recommended for your "
							+ "risk level (STarT Back trial, Lancet 2011).")),
			new Rule("leg-symptoms", "Leg pain spreading down, or numbness or tingling",
					"NICE NG59 (sciatica); NICE CKS sciatica (lumbar radiculopathy)",
					f -> f.answers().painMap().radiatingLegPain() || f.answers().painMap().numbnessOrTingling(),
					new WithOthers("Pain spreading down a leg, or numbness or tingling, can come from an irritated "
							+ "nerve. If it gets worse or does not ease within a few weeks, please see your doctor.")),
			new Rule("weight", "Body mass index 30 or more",
					"WHO TRS 894, 2000 (obesity: BMI ≥ 30); Shiri et al., Am J Epidemiol 2010",
					f -> f.bodyMassIndex() != null && f.bodyMassIndex() >= OBESITY_BMI,
					new AtHome(HomeCareTheme.WEIGHT,
							"losing some weight lowers the load on the back; obesity is "
									+ "linked with more back pain (Shiri et al. 2010)")),
			new Rule("phase-acute", "The pain has lasted less than 6 weeks",
					"Clinic default; Furlan et al., Cochrane "
							+ "2015 (trials typically one to two sessions a week for 4 to 10 weeks)",
					f -> f.duration() == PainDuration.ACUTE,
					new Schedule(
							new Phase(4, 7, null, "recent pain often settles within weeks; review after 4 sessions")),
					new AtHome(HomeCareTheme.HEAT_COLD, "heat can ease recent pain (French et al., Cochrane 2006)")),
			new Rule("phase-subacute", "The pain has lasted 6 to 12 weeks",
					"Clinic default; Furlan et al., Cochrane 2015", f -> f.duration() == PainDuration.SUBACUTE,
					new Schedule(new Phase(6, 7, 6, "six weekly sessions to stop the pain becoming long-lasting")),
					new AtHome(HomeCareTheme.EXERCISE,
							"staying active and exercising helps recovery (NICE NG59 1.2.1)")),
			new Rule("phase-chronic", "The pain has lasted more than 12 weeks",
					"Cherkin et al. 2011 (10 weekly sessions); clinic default for maintenance",
					f -> f.duration() == PainDuration.CHRONIC,
					new Schedule(
							new Phase(8, 7, 4, "lasting pain needs a longer first phase, then regular maintenance"))),
			new Rule("general-start", "No other rule proposed an allowed technique", TEACHING, f -> true,
					List.of(new Suggest(Technique.SWEDISH,
							"a gentle general massage to start with, while your therapist learns more")),
					true));

	private CareRules() {
	}

	public static Recommendation recommend(Facts facts, Map<Technique, String> restricted) {
		Map<Technique, List<String>> techniques = new LinkedHashMap<>();
		Set<Technique> excluded = EnumSet.noneOf(Technique.class);
		Map<HomeCareTheme, List<String>> home = new LinkedHashMap<>();
		List<String> withOthers = new ArrayList<>();
		List<FiredRule> fired = new ArrayList<>();
		Phase phase = null;
		for (Rule rule : RULES) {
			if (!rule.applies().test(facts) || (rule.fallback() && !techniques.isEmpty())) {
				continue;
			}
			fired.add(new FiredRule(rule.id(), rule.when(), rule.source()));
			for (Advice advice : rule.advice()) {
				if (advice instanceof Suggest suggest) {
					if (restricted.containsKey(suggest.technique())) {
						excluded.add(suggest.technique());
					}
					else {
						techniques.computeIfAbsent(suggest.technique(), t -> new ArrayList<>()).add(suggest.reason());
					}
				}
				else if (advice instanceof AtHome atHome) {
					home.computeIfAbsent(atHome.theme(), t -> new ArrayList<>()).add(atHome.reason());
				}
				else if (advice instanceof WithOthers others) {
					withOthers.add(others.reason());
				}
				else if (advice instanceof Schedule schedule) {
					phase = schedule.phase();
				}
			}
		}
		return new Recommendation(
				techniques.entrySet()
					.stream()
					.map(e -> new TechniqueChoice(e.getKey(), List.copyOf(e.getValue())))
					.toList(),
				excluded.stream().map(technique -> new Excluded(technique, restricted.get(technique))).toList(), phase,
				home.entrySet().stream().map(e -> new HomeCare(e.getKey(), List.copyOf(e.getValue()))).toList(),
				List.copyOf(withOthers), List.copyOf(fired));
	}

	/** The table as the API and pages show it. */
	public static List<RuleView> table() {
		return RULES.stream()
			.map(rule -> new RuleView(rule.id(), rule.when(), rule.source(),
					rule.advice().stream().map(CareRules::describe).toList()))
			.toList();
	}

	public record RuleView(String id, String when, String source, List<String> proposes) {
	}

	private static String describe(Advice advice) {
		// (Java 17 has no pattern matching in switch; the interface is sealed, so this is
		// exhaustive.)
		if (advice instanceof Suggest suggest) {
			return suggest.technique().displayName() + ": " + suggest.reason();
		}
		if (advice instanceof AtHome atHome) {
			return "Home care, " + atHome.theme().label().toLowerCase(Locale.ROOT) + ": " + atHome.reason();
		}
		if (advice instanceof WithOthers others) {
			return "Combined care: " + others.reason();
		}
		Phase phase = ((Schedule) advice).phase();
		return "Schedule: " + phase.describe() + " (" + phase.reason() + ")";
	}

}
