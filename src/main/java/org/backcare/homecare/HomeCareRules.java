package org.backcare.homecare;

import java.time.LocalDate;
import java.util.List;

/**
 * What the proposal for a client's next session takes from their home care: adherence
 * over the last two full weeks, and the items during which they logged severe pain since
 * a day. The thresholds, with their sources, are here; the plan module's rules use them.
 */
public final class HomeCareRules {

	/**
	 * Adherence below which, with no important improvement in pain, the proposal asks to
	 * review the home plan with the client: the clinic's own rule (up to 70 % of people
	 * with chronic low back pain do not keep to their exercise, Beinart et al., Spine J
	 * 2013; reviewing barriers is the usual first step).
	 */
	public static final int LOW_ADHERENCE = 50;

	private HomeCareRules() {
	}

	/**
	 * The home-care facts for a proposal: {@code percent} of the asked days done over the
	 * last two full weeks (null without a plan or with nothing asked), and the
	 * severe-pain entries since the given day, with their items' titles.
	 */
	public record Facts(Integer percent, List<PainfulItem> painful) {

		public Facts {
			painful = List.copyOf(painful);
		}

		public boolean low() {
			return this.percent != null && this.percent < LOW_ADHERENCE;
		}

	}

	/** An item with severe pain logged during it, on a day. */
	public record PainfulItem(String item, String title, int pain, LocalDate day) {
	}

}
