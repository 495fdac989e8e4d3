package org.backcare.platform;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What is read ahead answers the reads of the same transaction only: the next
 * transaction, and any read outside one, go to the database again.
 */
class ReadAheadTest {

	/**
	 * Transactions that hold no connection (nothing here reads a database): enough for
	 * state bound to a transaction.
	 */
	final TransactionTemplate transaction = new TransactionTemplate(new AbstractPlatformTransactionManager() {

		@Override
		protected Object doGetTransaction() {
			return new Object();
		}

		@Override
		protected void doBegin(Object transaction, TransactionDefinition definition) {
		}

		@Override
		protected void doCommit(DefaultTransactionStatus status) {
		}

		@Override
		protected void doRollback(DefaultTransactionStatus status) {
		}

	});

	final ReadAhead<String, List<Integer>> ahead = new ReadAhead<>();

	@Test
	void keptForTheTransactionThatReadAhead_notForTheNext_norOutsideOne() {
		this.transaction.executeWithoutResult(status -> {
			this.ahead.keep(ReadAhead.byKey(List.of("a", "b"), List.of(1, 2, 3), n -> (n == 2) ? "b" : "a"));
			assertThat(this.ahead.kept("a")).contains(List.of(1, 3));
			assertThat(this.ahead.kept("b")).contains(List.of(2));
			assertThat(this.ahead.kept("c")).as("not read ahead").isEmpty();
		});
		this.transaction.executeWithoutResult(status -> assertThat(this.ahead.kept("a")).isEmpty());
		this.ahead.keep(Map.of("a", List.of(1)));
		assertThat(this.ahead.kept("a")).isEqualTo(Optional.empty());
	}

	@Test
	void aKeyWithNothingIsKeptAsNothing_soItsReadNeedsNoStatement() {
		this.transaction.executeWithoutResult(status -> {
			this.ahead.keep(ReadAhead.byKey(List.of("a", "empty"), List.of(1), n -> "a"));
			assertThat(this.ahead.kept("empty")).contains(List.of());
		});
	}

}
