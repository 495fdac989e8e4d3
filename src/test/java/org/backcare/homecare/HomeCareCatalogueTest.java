package org.backcare.homecare;

import java.util.List;

import org.backcare.assessment.Assessment;
import org.backcare.assessment.Cause;
import org.backcare.assessment.Examples;
import org.backcare.assessment.PainDuration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A home plan is built from the recommendation's home-care themes, and the client's
 * contraindications keep items from being offered (with the reason the therapist sees) or
 * add safety notes; every item carries its own.
 */
class HomeCareCatalogueTest {

	@Test
	void withoutAnIntake_everythingIsOffered_nothingProposed() {
		List<HomeCareCatalogue.Offered> offer = HomeCareCatalogue.offer(null, null);
		assertThat(offer).hasSize(HomeCareCatalogue.ITEMS.size()).allMatch(HomeCareCatalogue.Offered::offered);
		assertThat(offer).noneMatch(HomeCareCatalogue.Offered::proposed);
	}

	@Test
	void theRecommendationsThemesProposeTheirItems_withoutContraindicationsNothingIsRuledOut() {
		Examples sitting = Examples.officeWorker().duration(PainDuration.CHRONIC).causes(Cause.PROLONGED_SITTING);
		Assessment assessed = sitting.assessedAt(40);
		List<HomeCareCatalogue.Offered> offer = HomeCareCatalogue.offer(sitting.answers(), assessed.recommendation());
		assertThat(proposed(offer)).containsExactly("desk-setup", "movement-break", "walk");
		assertThat(offer).allMatch(HomeCareCatalogue.Offered::offered);
		assertThat(item(offer, "cold").safety())
			.contains("Always wrapped in a towel, never on bare skin; 10 to 15 minutes.");
		assertThat(item(offer, "heat").safety()).anyMatch(note -> note.contains("at most 20 minutes"));
	}

	@Test
	void aSkinProblemRulesOutHeatAndCold_withTheReasonAndItsSource() {
		Examples skin = Examples.officeWorker().duration(PainDuration.ACUTE).yes("skinProblemInArea");
		List<HomeCareCatalogue.Offered> offer = HomeCareCatalogue.offer(skin.answers(),
				skin.assessedAt(40).recommendation());
		HomeCareCatalogue.Offered heat = offered(offer, "heat");
		assertThat(heat.offered()).isFalse();
		assertThat(heat.proposed()).as("a ruled-out item is never proposed").isFalse();
		assertThat(heat.ruledOut()).contains("no heat or cold");
		assertThat(heat.source()).contains("Nadler");
		assertThat(offered(offer, "cold").offered()).isFalse();
		assertThat(offered(offer, "walk").offered()).isTrue();
	}

	@Test
	void bloodThinnersRuleOutHeatOnly() {
		Examples thinners = Examples.officeWorker().yes("anticoagulantsOrBleedingDisorder");
		List<HomeCareCatalogue.Offered> offer = HomeCareCatalogue.offer(thinners.answers(), null);
		assertThat(offered(offer, "heat").offered()).isFalse();
		assertThat(offered(offer, "heat").ruledOut()).contains("Blood thinners");
		assertThat(offered(offer, "cold").offered()).isTrue();
	}

	@Test
	void aSuspectedClotRulesOutHeatAndExercise_untilADoctorHasRuledItOut() {
		Examples clot = Examples.officeWorker().yes("suspectedDvt");
		List<HomeCareCatalogue.Offered> offer = HomeCareCatalogue.offer(clot.answers(), null);
		assertThat(offered(offer, "heat").offered()).isFalse();
		assertThat(offered(offer, "walk").offered()).isFalse();
		assertThat(offered(offer, "walk").ruledOut()).contains("until a doctor has ruled it out");
		assertThat(offered(offer, "breathing").offered()).isTrue();
		assertThat(item(offer, "breathing").safety()).isEmpty();
	}

	@Test
	void numbnessAddsASkinCheckToHeatAndCold() {
		Examples numb = Examples.officeWorker().numbness();
		List<HomeCareCatalogue.Offered> offer = HomeCareCatalogue.offer(numb.answers(), null);
		assertThat(item(offer, "heat").safety()).anyMatch(note -> note.contains("check it every 5 minutes"));
		assertThat(item(offer, "cold").safety()).anyMatch(note -> note.contains("check it every 5 minutes"));
		assertThat(offered(offer, "heat").offered()).isTrue();
	}

	@Test
	void everySafetyRuleNamesItsSource() {
		assertThat(HomeCareCatalogue.RULES).allMatch(rule -> !rule.source().isBlank());
		assertThat(HomeCareCatalogue.ITEMS).allMatch(item -> !item.source().isBlank());
	}

	private static List<String> proposed(List<HomeCareCatalogue.Offered> offer) {
		return offer.stream().filter(HomeCareCatalogue.Offered::proposed).map(o -> o.template().item()).toList();
	}

	private static HomeCareCatalogue.Offered offered(List<HomeCareCatalogue.Offered> offer, String item) {
		return offer.stream().filter(o -> o.template().item().equals(item)).findFirst().orElseThrow();
	}

	private static HomeItem item(List<HomeCareCatalogue.Offered> offer, String item) {
		return offered(offer, item).item();
	}

}
