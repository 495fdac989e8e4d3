package org.backcare.homecare;

import java.util.List;

/**
 * One thing to do at home: a catalogue item ({@code item}, its key, the same in every
 * version of a plan) as the therapist set it for this client. How often:
 * {@code timesPerDay} times every day, or on {@code daysPerWeek} days a week (exactly one
 * of the two). {@code minutes}: how long each time (null: no set time, as for a weight
 * step). {@code safety}: what keeps the client safe doing it.
 */
public record HomeItem(String item, HomeItemKind kind, String title, String instruction, Integer timesPerDay,
		Integer daysPerWeek, Integer minutes, List<String> safety) {

	public HomeItem {
		safety = List.copyOf(safety);
	}

	/**
	 * The days a week it is asked for: every day for an item done so many times a day.
	 */
	public int daysAWeek() {
		return (this.daysPerWeek != null) ? this.daysPerWeek : 7;
	}

	/** How often, in words: "3 times a day", "5 days a week". */
	public String often() {
		if (this.timesPerDay != null) {
			return (this.timesPerDay == 1) ? "once a day" : this.timesPerDay + " times a day";
		}
		return (this.daysPerWeek == 7) ? "every day" : this.daysPerWeek + " days a week";
	}

	/** How often and how long, in words: "5 days a week, 30 minutes". */
	public String dose() {
		return often() + ((this.minutes != null) ? ", " + this.minutes + " minutes" : "");
	}

	public String illustration() {
		return this.kind.illustration();
	}

}
