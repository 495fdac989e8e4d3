package org.backcare.client;

import java.util.List;
import java.util.Map;

/**
 * How a clinic's clients found it: clients per source (and UNKNOWN), and the named
 * referrers.
 */
public record ReferralReport(Map<String, Long> bySource, List<Referrer> referrers) {

	public record Referrer(FoundVia source, String name, long clients) {
	}

}
