package org.backcare.assessment;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The screening questions as the client reads them, keyed by the answer field they fill.
 */
public final class Questions {

	public static final Map<String, String> RED_FLAGS = ordered("saddleNumbness",
			"Do you have numbness or tingling around your bottom, genitals or inner thighs (where you would sit on a saddle)?",
			"bladderOrBowelDysfunction",
			"Have you had new trouble passing urine, or controlling or feeling your bladder or bowels?",
			"legWeaknessOrGaitChange", "Are your legs getting weaker, or has the way you walk changed?",
			"historyOfCancer", "Have you ever had cancer?", "unexplainedWeightLoss",
			"Have you lost weight recently without trying?", "feverOrChills",
			"Have you had a fever, chills or night sweats along with the back pain?", "immunosuppression",
			"Is your immune system weakened (for example by HIV, chemotherapy, or medicines after a transplant)?",
			"intravenousDrugUse", "Do you inject drugs, or have you in the past?", "majorTrauma",
			"Did the pain start after a serious accident or fall (a car accident, a fall from a height)?",
			"minorTrauma", "Did the pain start after a minor fall, bump or strain?", "longTermSteroids",
			"Have you taken steroid tablets (such as prednisolone) for more than 3 months?", "constantNightPain",
			"Is the pain constant at night, without easing when you change position?", "firstEpisode",
			"Is this the first time you have had back pain like this?");

	public static final Map<String, String> CONTRAINDICATIONS = ordered("suspectedDvt",
			"Has a doctor said you might have a blood clot in a leg (DVT), or is one calf swollen, warm and painful?",
			"recentFracture", "Have you broken a bone in the last 3 months?", "osteoporosis",
			"Have you been told you have osteoporosis (thin bones)?", "skinProblemInArea",
			"Do you have a skin infection, open wound, rash or burn where you would like massage?",
			"anticoagulantsOrBleedingDisorder",
			"Do you take blood thinners (such as warfarin, apixaban or rivaroxaban) or have a bleeding disorder?",
			"pregnancy", "Are you pregnant?", "activeCancerTreatment",
			"Are you being treated for cancer at the moment?");

	private Questions() {
	}

	private static Map<String, String> ordered(String... pairs) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put(pairs[i], pairs[i + 1]);
		}
		return map;
	}

}
