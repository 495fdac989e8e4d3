package org.backcare.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;

import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records a node keeps in memory because nearly every request needs them (the caller's
 * account, a therapist's hours and credentials), true on every node because the database
 * announces every committed change ({@link ChangeNotices}).
 * <p>
 * Three rules keep it from ever serving what the database no longer holds:
 * <ul>
 * <li>A transaction that changed a record through its module reads it from the database
 * until it ends, and keeps nothing of it (it sees what is not yet committed); so does one
 * that reads an older snapshot than READ COMMITTED's.</li>
 * <li>A record read while a change to any record of the cache was announced is returned
 * but not kept (a counter of announcements, raised before the eviction, is compared at
 * the moment of keeping), so a read that raced a change cannot outlive it.</li>
 * <li>Nothing is kept while the node is not listening (starting, or reconnecting after a
 * lost connection, after which everything is forgotten).</li>
 * </ul>
 * The changing node also forgets the record as its own transaction commits, so its next
 * request sees the change without waiting for the notice.
 */
public final class NoticedCache<K, V> {

	/** Enough for every account and therapist of a large clinic; least used go first. */
	static final int MAXIMUM_SIZE = 50_000;

	private final ChangeNotices notices;

	/**
	 * A safety net only: a notice is what makes a record be read again; this bounds what
	 * an undetected loss of notices could cost.
	 */
	static final Duration LONGEST_KEPT = Duration.ofMinutes(10);

	private final ConcurrentMap<K, V> entries = Caffeine.newBuilder()
		.maximumSize(MAXIMUM_SIZE)
		.expireAfterWrite(LONGEST_KEPT)
		.<K, V>build()
		.asMap();

	private final AtomicLong announcements = new AtomicLong();

	NoticedCache(ChangeNotices notices) {
		this.notices = notices;
	}

	/**
	 * The record as {@code load} reads it, from memory when it is known to be current.
	 */
	public Optional<V> get(K key, Function<K, Optional<V>> load) {
		return get(key, load, value -> true);
	}

	/**
	 * As {@link #get(Object, Function)}, for a record that also goes out of date by
	 * itself (a therapist's certifications, as of the clinic's date): {@code current}
	 * says whether a kept one still holds.
	 */
	public Optional<V> get(K key, Function<K, Optional<V>> load, Predicate<V> current) {
		boolean inTransaction = TransactionSynchronizationManager.isActualTransactionActive();
		if (!(inTransaction && changedInThisTransaction(key))) {
			V kept = this.entries.get(key);
			if (kept != null && current.test(kept)) {
				return Optional.of(kept);
			}
		}
		long before = this.announcements.get();
		Optional<V> loaded = load.apply(key);
		if (mayKeep(inTransaction, key) && this.notices.listening() && loaded.isPresent()) {
			this.entries.compute(key, (k, old) -> (this.announcements.get() == before) ? loaded.get() : old);
		}
		return loaded;
	}

	/**
	 * As {@link #get(Object, Function, Predicate)} for many records at once: those not
	 * kept are read by one call of {@code loadMissing} (one statement, however many), and
	 * kept under the same rules. The answer holds every key found, in no particular
	 * order.
	 */
	public Map<K, V> getAll(Collection<K> keys, Function<Collection<K>, Map<K, V>> loadMissing, Predicate<V> current) {
		boolean inTransaction = TransactionSynchronizationManager.isActualTransactionActive();
		Map<K, V> found = new HashMap<>();
		List<K> missing = new ArrayList<>();
		for (K key : keys) {
			V kept = (inTransaction && changedInThisTransaction(key)) ? null : this.entries.get(key);
			if (kept != null && current.test(kept)) {
				found.put(key, kept);
			}
			else {
				missing.add(key);
			}
		}
		if (missing.isEmpty()) {
			return found;
		}
		long before = this.announcements.get();
		Map<K, V> loaded = loadMissing.apply(missing);
		boolean listening = this.notices.listening();
		loaded.forEach((key, value) -> {
			if (mayKeep(inTransaction, key) && listening) {
				this.entries.compute(key, (k, old) -> (this.announcements.get() == before) ? value : old);
			}
		});
		found.putAll(loaded);
		return found;
	}

	/**
	 * A read outside a transaction, or inside one that has not changed the record and
	 * reads what is committed (PostgreSQL's default, READ COMMITTED: each statement sees
	 * every change committed before it began), shows what the database holds.
	 */
	private boolean mayKeep(boolean inTransaction, K key) {
		if (!inTransaction) {
			return true;
		}
		Integer isolation = TransactionSynchronizationManager.getCurrentTransactionIsolationLevel();
		return (isolation == null || isolation == TransactionDefinition.ISOLATION_READ_COMMITTED)
				&& !changedInThisTransaction(key);
	}

	/**
	 * Forgets the record on this node now and again as the caller's transaction ends;
	 * until then the transaction reads it from the database, its own change included. The
	 * database tells the other nodes when the change commits.
	 */
	public void forgetAfterCommit(K key) {
		Set<K> changed = changedInThisTransaction();
		if (changed != null) {
			changed.add(key);
		}
		forget(key);
	}

	private boolean changedInThisTransaction(K key) {
		Set<K> changed = TransactionBound.get(this, null);
		return changed != null && changed.contains(key);
	}

	/**
	 * The keys this transaction changed: each is forgotten again as it ends (a read that
	 * raced the commit may have kept the old record meanwhile).
	 */
	private Set<K> changedInThisTransaction() {
		return TransactionBound.get(this, () -> {
			Set<K> keys = new HashSet<>();
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					keys.forEach(NoticedCache.this::forget);
				}
			});
			return keys;
		});
	}

	void forget(K key) {
		this.announcements.incrementAndGet();
		this.entries.remove(key);
	}

	/** Forgets every record (another record they depend on has changed). */
	public void forgetAll() {
		this.announcements.incrementAndGet();
		this.entries.clear();
	}

	/** How many records this node keeps now (for tests). */
	public int size() {
		return this.entries.size();
	}

}
