package org.backcare.platform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Records of many keys read in one statement ahead of a loop that then asks for them one
 * key at a time (the therapist's day asks for ten clients' notes, feedback, intakes and
 * home care, each through its module's audited read): the loop's reads find them here
 * instead of sending a statement each. Kept until the transaction ends, and only inside
 * one; outside, nothing is kept and every read goes to the database.
 *
 * <p>
 * Reading ahead hands nothing out by itself: what was kept reaches the caller only
 * through the module's own read, with its access check and audit entry as before. Only a
 * transaction that reads may read ahead: a record it changed afterwards would be answered
 * as it was.
 */
public final class ReadAhead<K, V> {

	/**
	 * Keeps the records read (a key with nothing: an empty list or an empty optional).
	 */
	public void keep(Map<K, V> read) {
		Map<K, V> kept = TransactionBound.get(this, HashMap::new);
		if (kept != null) {
			kept.putAll(read);
		}
	}

	/**
	 * Each key's rows, in the order read (a key without any: an empty list), as
	 * unmodifiable lists.
	 */
	public static <K, R> Map<K, List<R>> byKey(Collection<K> keys, List<R> rows, Function<R, K> keyOf) {
		Map<K, List<R>> grouped = new HashMap<>();
		keys.forEach(key -> grouped.put(key, new ArrayList<>()));
		rows.forEach(row -> grouped.computeIfAbsent(keyOf.apply(row), key -> new ArrayList<>()).add(row));
		// Unmodifiable, so the reads that hand them out need no copy.
		grouped.replaceAll((key, list) -> List.copyOf(list));
		return grouped;
	}

	/** The record kept for the key, if it was read ahead in this transaction. */
	public Optional<V> kept(K key) {
		Map<K, V> kept = TransactionBound.get(this, null);
		return (kept == null) ? Optional.empty() : Optional.ofNullable(kept.get(key));
	}

}
