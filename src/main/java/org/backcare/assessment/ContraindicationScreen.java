package org.backcare.assessment;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.backcare.assessment.Finding.Severity;
import org.backcare.assessment.IntakeAnswers.ContraindicationAnswers;
import org.backcare.assessment.IntakeAnswers.RedFlagAnswers;
import org.backcare.therapist.Technique;

/**
 * Contraindications and precautions: conditions under which massage is still possible but
 * must be adapted. Each gives a {@code CAUTION} the therapist sees before the session,
 * and some rule out techniques that apply sustained or deep pressure.
 *
 * <p>
 * Sources: Batavia M. Contraindications for therapeutic massage: do sources agree? J
 * Bodyw Mov Ther 2004;8(1):48–57; Walton T. Medical Conditions and Massage Therapy: A
 * Decision Tree Approach. Lippincott Williams &amp; Wilkins, 2011 (pressure, site and
 * position adjustments per condition). Cited per rule below.
 */
public final class ContraindicationScreen {

	private static final String BATAVIA = "Batavia, J Bodyw Mov Ther 2004;8:48–57";

	private static final String WALTON = "Walton, Medical Conditions and Massage Therapy, 2011";

	private static final Set<Technique> DEEP_PRESSURE = EnumSet.of(Technique.DEEP_TISSUE, Technique.TRIGGER_POINT);

	public record Rule(String code, Predicate<Facts> applies, Set<Technique> rulesOut, String forClient,
			String forTherapist, String source) {
	}

	public record Facts(ContraindicationAnswers answers, RedFlagAnswers flags) {
	}

	public static final List<Rule> RULES = List.of(new Rule("suspected-dvt", f -> f.answers().suspectedDvt(),
			EnumSet.noneOf(Technique.class),
			"You told us a blood clot in a leg is suspected: please see a doctor promptly. The legs will not be massaged until a doctor has ruled a clot out.",
			"Suspected DVT: no massage of the lower limbs until ruled out (risk of embolism); advise prompt medical assessment",
			BATAVIA + " (thrombosis: local contraindication); " + WALTON),
			new Rule("recent-fracture", f -> f.answers().recentFracture(), DEEP_PRESSURE,
					"The area of your recent fracture will be left alone, and pressure kept gentle nearby.",
					"Recent fracture: avoid the site; no deep or sustained pressure nearby", BATAVIA + "; " + WALTON),
			new Rule("osteoporosis", f -> f.answers().osteoporosis(), DEEP_PRESSURE,
					"Because of osteoporosis, your therapist will use gentle pressure only.",
					"Osteoporosis: light to moderate pressure only, no deep tissue or trigger point pressure over bone (fracture risk)",
					WALTON + " (osteoporosis: pressure limits)"),
			new Rule("skin-problem", f -> f.answers().skinProblemInArea(), EnumSet.noneOf(Technique.class),
					"Skin that is infected, broken or burnt will not be massaged until it has healed.",
					"Skin infection, open wound or burn in the treatment area: avoid the area (local contraindication)",
					BATAVIA),
			new Rule("fever", f -> f.flags().feverOrChills(), EnumSet.noneOf(Technique.class),
					"No massage while you have a fever.",
					"Fever: no massage until resolved (systemic contraindication)",
					BATAVIA + " (fever: general contraindication)"),
			new Rule("anticoagulants", f -> f.answers().anticoagulantsOrBleedingDisorder(), DEEP_PRESSURE,
					"Because of blood thinners or a bleeding disorder, your therapist will avoid deep pressure, which can cause bruising.",
					"Anticoagulants or bleeding disorder: no deep tissue or trigger point pressure (bruising, haematoma)",
					WALTON + " (anticoagulant therapy: pressure limits); " + BATAVIA),
			new Rule("pregnancy", f -> f.answers().pregnancy(), EnumSet.of(Technique.DEEP_TISSUE),
					"During pregnancy you will be positioned on your side and pressure kept moderate.",
					"Pregnancy: side-lying or supported positions, no deep tissue; avoid deep pressure on the legs",
					WALTON + " (pregnancy: position and pressure)"),
			new Rule("active-cancer-treatment", f -> f.answers().activeCancerTreatment(), DEEP_PRESSURE,
					"During cancer treatment your therapist will keep pressure gentle and avoid treatment sites.",
					"Active cancer treatment: gentle pressure, avoid tumour, port, radiation and surgical sites; consider an oncology-trained therapist",
					WALTON + " (cancer treatment: pressure and site)"));

	private ContraindicationScreen() {
	}

	public static List<Finding> screen(ContraindicationAnswers answers, RedFlagAnswers flags) {
		Facts facts = new Facts(answers, flags);
		List<Finding> found = new ArrayList<>();
		for (Rule rule : RULES) {
			if (rule.applies().test(facts)) {
				found.add(new Finding(rule.code(), Severity.CAUTION, rule.forClient(), rule.forTherapist(),
						rule.source()));
			}
		}
		return found;
	}

	/** Each technique ruled out, with the first condition that rules it out. */
	public static Map<Technique, String> restrictions(ContraindicationAnswers answers, RedFlagAnswers flags) {
		Facts facts = new Facts(answers, flags);
		Map<Technique, String> restricted = new LinkedHashMap<>();
		for (Rule rule : RULES) {
			if (rule.applies().test(facts)) {
				for (Technique technique : rule.rulesOut()) {
					restricted.putIfAbsent(technique, rule.forTherapist());
				}
			}
		}
		return restricted;
	}

}
