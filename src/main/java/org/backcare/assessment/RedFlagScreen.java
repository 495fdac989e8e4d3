package org.backcare.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.backcare.assessment.Finding.Severity;
import org.backcare.assessment.IntakeAnswers.ContraindicationAnswers;
import org.backcare.assessment.IntakeAnswers.RedFlagAnswers;

/**
 * Red flags: answers that may point to a serious cause of back pain (cauda equina
 * syndrome, cancer, infection, fracture) that massage must not delay. Each flag is listed
 * with its source; the screen errs on the side of referral, as the guidelines intend a
 * screen to.
 *
 * <p>
 * Sources: NICE guideline NG59, Low back pain and sciatica in over 16s (2016, updated
 * 2020), recommendation 1.1.1 and the NICE Clinical Knowledge Summary "Back pain – low
 * (without radiculopathy)" (red flags); Bigos S et al., Acute Low Back Problems in
 * Adults, AHCPR Clinical Practice Guideline No. 14, 1994 (Table 2: red flags for
 * fracture, tumour or infection, cauda equina syndrome); Greenhalgh S, Finucane L, Mercer
 * C, Selfe J. International framework for red flags for potential serious spinal
 * pathologies. J Orthop Sports Phys Ther 2020;50(7):350–372.
 */
public final class RedFlagScreen {

	/** "Onset over 50": from 51 (AHCPR 1994, Table 2: "age over 50"). */
	public static final int OLDEST_WITHOUT_FLAG = 50;

	/** "Onset under 20": up to 19 (AHCPR 1994, Table 2: "age under 20"). */
	public static final int YOUNGEST_WITHOUT_FLAG = 20;

	private static final String CAUDA_EQUINA = "NICE NG59 1.1.1 and NICE CKS low back pain (cauda equina syndrome); "
			+ "AHCPR 1994 Table 2; Greenhalgh et al. JOSPT 2020";

	private static final String CANCER = "AHCPR 1994 Table 2 (tumour); NICE CKS low back pain (malignancy); "
			+ "Greenhalgh et al. JOSPT 2020";

	private static final String INFECTION = "AHCPR 1994 Table 2 (infection); NICE CKS low back pain (spinal infection)";

	private static final String FRACTURE = "AHCPR 1994 Table 2 (fracture); NICE CKS low back pain (spinal fracture)";

	public record Flag(String code, Severity severity, Predicate<Facts> applies, String forClient, String forTherapist,
			String source) {
	}

	/** The answers a flag looks at, with the client's age when the intake was made. */
	public record Facts(RedFlagAnswers flags, ContraindicationAnswers contraindications, int age) {
	}

	/** Every red flag, in the order they are shown. */
	public static final List<Flag> FLAGS = List.of(
			new Flag("saddle-numbness", Severity.URGENT_REFERRAL, f -> f.flags().saddleNumbness(),
					"numbness around your bottom, genitals or inner thighs",
					"Saddle anaesthesia: possible cauda equina syndrome", CAUDA_EQUINA),
			new Flag("bladder-bowel", Severity.URGENT_REFERRAL, f -> f.flags().bladderOrBowelDysfunction(),
					"new trouble controlling or feeling your bladder or bowels",
					"New bladder or bowel dysfunction: possible cauda equina syndrome", CAUDA_EQUINA),
			new Flag("leg-weakness", Severity.URGENT_REFERRAL, f -> f.flags().legWeaknessOrGaitChange(),
					"weakness in your legs that is severe or getting worse, or a change in how you walk",
					"Severe or progressive leg weakness or gait change: possible cauda equina syndrome", CAUDA_EQUINA),
			new Flag("history-of-cancer", Severity.REFERRAL, f -> f.flags().historyOfCancer(), "a history of cancer",
					"History of cancer: rule out spinal metastasis", CANCER),
			new Flag("weight-loss", Severity.REFERRAL, f -> f.flags().unexplainedWeightLoss(),
					"weight loss you cannot explain", "Unexplained weight loss: rule out malignancy", CANCER),
			new Flag("fever", Severity.REFERRAL, f -> f.flags().feverOrChills(), "fever or chills",
					"Fever or chills with back pain: rule out spinal infection", INFECTION),
			new Flag("immunosuppression", Severity.REFERRAL, f -> f.flags().immunosuppression(),
					"a weakened immune system (from illness or medicines)",
					"Immunosuppression: raised risk of spinal infection", INFECTION),
			new Flag("iv-drug-use", Severity.REFERRAL, f -> f.flags().intravenousDrugUse(), "injecting drugs",
					"Intravenous drug use: raised risk of spinal infection", INFECTION),
			new Flag("major-trauma", Severity.REFERRAL, f -> f.flags().majorTrauma(),
					"a serious accident or fall before the pain started", "Major trauma: rule out vertebral fracture",
					FRACTURE),
			new Flag("minor-trauma-fragile-bone", Severity.REFERRAL,
					f -> f.flags().minorTrauma()
							&& (f.contraindications().osteoporosis() || f.flags().longTermSteroids()),
					"a minor fall or strain together with osteoporosis or long-term steroid medicines",
					"Minor trauma with osteoporosis or long-term steroids: rule out fragility fracture", FRACTURE),
			new Flag("constant-night-pain", Severity.REFERRAL, f -> f.flags().constantNightPain(),
					"constant pain at night that does not ease when you change position",
					"Constant, non-mechanical night pain: rule out tumour or infection",
					"NICE CKS low back pain (malignancy, infection); Greenhalgh et al. JOSPT 2020"),
			new Flag("new-onset-over-50", Severity.REFERRAL,
					f -> f.flags().firstEpisode() && f.age() > OLDEST_WITHOUT_FLAG,
					"back pain for the first time after the age of 50",
					"First episode of back pain over age 50: rule out serious pathology",
					"AHCPR 1994 Table 2 (age over 50)"),
			new Flag("new-onset-under-20", Severity.REFERRAL,
					f -> f.flags().firstEpisode() && f.age() < YOUNGEST_WITHOUT_FLAG,
					"back pain for the first time before the age of 20",
					"First episode of back pain under age 20: rule out serious pathology",
					"AHCPR 1994 Table 2 (age under 20)"));

	private RedFlagScreen() {
	}

	public static List<Finding> screen(RedFlagAnswers flags, ContraindicationAnswers contraindications, int age) {
		Facts facts = new Facts(flags, contraindications, age);
		List<Finding> found = new ArrayList<>();
		for (Flag flag : FLAGS) {
			if (flag.applies().test(facts)) {
				found.add(new Finding(flag.code(), flag.severity(), flag.forClient(), flag.forTherapist(),
						flag.source()));
			}
		}
		return found;
	}

	public static Referral referral(List<Finding> redFlags) {
		if (redFlags.stream().anyMatch(finding -> finding.severity() == Severity.URGENT_REFERRAL)) {
			return Referral.URGENT;
		}
		return redFlags.isEmpty() ? Referral.NONE : Referral.SEE_DOCTOR;
	}

}
