package org.backcare.platform;

import java.util.List;
import java.util.UUID;

import org.backcare.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A pending write (an audit entry) commits or rolls back with its transaction and costs
 * no round trip of its own: it goes with the next statement that carries it, or just
 * before the commit; outside a transaction, at once; a transaction of its own inside
 * another keeps its own.
 */
@IntegrationTest
class PendingWritesTest {

	static final String NOTE = "%1$snoted AS (INSERT INTO pending_write_note (id, note) VALUES (?, ?))";

	@Autowired
	PendingWrites pending;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	PlatformTransactionManager transactions;

	@BeforeEach
	void table() {
		this.jdbc.sql("CREATE TABLE IF NOT EXISTS pending_write_note (id uuid PRIMARY KEY, note text NOT NULL)")
			.update();
	}

	@Test
	void sentJustBeforeCommit_inOneStatement_andNotAtAllOnRollback() {
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		this.transaction.executeWithoutResult(status -> {
			this.pending.add(NOTE, first, "first");
			this.pending.add(NOTE, second, "second");
			assertThat(count(first)).as("not yet sent").isZero();
		});
		assertThat(count(first) + count(second)).isEqualTo(2);

		UUID rolledBack = UUID.randomUUID();
		this.transaction.executeWithoutResult(status -> {
			this.pending.add(NOTE, rolledBack, "never");
			status.setRollbackOnly();
		});
		assertThat(count(rolledBack)).isZero();
	}

	@Test
	void carriedByTheNextStatement_whichSucceedsOrFailsWithIt() {
		UUID carried = UUID.randomUUID();
		UUID main = UUID.randomUUID();
		this.transaction.executeWithoutResult(status -> {
			this.pending.add(NOTE, carried, "carried");
			this.pending.carrying(null, "INSERT INTO pending_write_note (id, note) VALUES (?, ?)", main, "the carrier")
				.update();
			assertThat(count(carried)).as("sent with the carrier").isOne();
		});
		assertThat(count(carried) + count(main)).isEqualTo(2);

		UUID lost = UUID.randomUUID();
		assertThatThrownBy(() -> this.transaction.executeWithoutResult(status -> {
			this.pending.add(NOTE, lost, "with a failing carrier");
			// The same id twice: the carrier fails, and its pending write with it.
			this.pending.carrying(null, "INSERT INTO pending_write_note (id, note) VALUES (?, ?)", main, "again")
				.update();
		})).isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
		assertThat(count(lost)).isZero();
	}

	@Test
	void outsideATransactionAtOnce_andATransactionOfItsOwnKeepsItsOwn() {
		UUID now = UUID.randomUUID();
		this.pending.add(NOTE, now, "at once");
		assertThat(count(now)).isOne();

		UUID refused = UUID.randomUUID();
		TransactionTemplate separately = new TransactionTemplate(this.transactions);
		separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.transaction.executeWithoutResult(status -> {
			this.pending.add(NOTE, UUID.randomUUID(), "the outer change");
			// A refusal's audit entry: recorded even though the outer change rolls back.
			separately.executeWithoutResult(inner -> this.pending.add(NOTE, refused, "recorded"));
			status.setRollbackOnly();
		});
		assertThat(count(refused)).isOne();
	}

	/** Notes as rows of arrays: any number in one insert. */
	record Notes() implements PendingWrites.Rows {

		@Override
		public String definitions() {
			return "%1$snoted AS (INSERT INTO pending_write_note (id, note) SELECT * FROM unnest(?::uuid[], ?::text[]))";
		}

		@Override
		public Object[] params(List<Object[]> rows) {
			return new Object[] { rows.stream().map(row -> (UUID) row[0]).toArray(UUID[]::new),
					rows.stream().map(row -> (String) row[1]).toArray(String[]::new) };
		}

	}

	@Test
	void rowsOfOneKindTravelAsOneWrite_withTheOthers_andRollBackWithThem() {
		List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
		UUID single = UUID.randomUUID();
		this.transaction.executeWithoutResult(status -> {
			this.pending.addRow(new Notes(), ids.get(0), "first");
			this.pending.add(NOTE, single, "between");
			this.pending.addRow(new Notes(), ids.get(1), "second");
			this.pending.addRow(new Notes(), ids.get(2), "third");
			assertThat(count(ids.get(0))).as("not yet sent").isZero();
		});
		assertThat(ids.stream().mapToInt(this::count).sum() + count(single)).isEqualTo(4);

		UUID rolledBack = UUID.randomUUID();
		this.transaction.executeWithoutResult(status -> {
			this.pending.addRow(new Notes(), rolledBack, "never");
			status.setRollbackOnly();
		});
		assertThat(count(rolledBack)).isZero();

		UUID now = UUID.randomUUID();
		this.pending.addRow(new Notes(), now, "outside a transaction: at once");
		assertThat(count(now)).isOne();
	}

	private int count(UUID id) {
		return this.jdbc.sql("SELECT count(*) FROM pending_write_note WHERE id = ?")
			.param(id)
			.query(Integer.class)
			.single();
	}

}
