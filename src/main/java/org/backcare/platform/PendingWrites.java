package org.backcare.platform;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes that need not be sent the moment they are made (an audit entry: it must commit
 * or roll back with the change it records, nothing more), sent with the transaction's
 * next write that carries them, or at the latest just before it commits: one round trip
 * where there were two.
 * <p>
 * A pending write is given as data-modifying common table expressions, whose every name
 * starts with {@code %1$s} (a prefix that makes it unique in the statement). The carrying
 * statement puts them in its {@code WITH} clause: PostgreSQL runs every data-modifying
 * CTE of a statement exactly once, to completion, whether or not the statement reads it,
 * and the whole statement succeeds or fails together. Outside a transaction, or once the
 * transaction has sent what was pending, a write goes at once.
 */
@Component
public class PendingWrites {

	private static final Object KEY = PendingWrites.class;

	private final JdbcClient jdbc;

	PendingWrites(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Sends {@code definitions} (CTEs named {@code %1$s…}) with the next carrier. */
	public void add(String definitions, Object... params) {
		Pending pending = TransactionBound.get(KEY, this::pending);
		if (pending == null || pending.sent) {
			send(List.of(new Write(definitions, params)));
		}
		else {
			pending.writes.add(new Write(definitions, params));
		}
	}

	/**
	 * Rows of one kind (audit entries) that travel together: however many a transaction
	 * has pending, one write of arrays ({@code unnest}) inserts them all, so a page that
	 * audits sixty reads sends one insert, not sixty. Equal kinds share a batch.
	 */
	public interface Rows {

		/**
		 * CTEs named {@code %1$s…}, whose parameters {@link #params} gives for the rows.
		 */
		String definitions();

		Object[] params(List<Object[]> rows);

		/**
		 * The rows' values column by column, each column an array of its type (for
		 * {@code unnest(?::uuid[], ?::text[], …)}).
		 */
		static Object[] columns(List<Object[]> rows, Class<?>... types) {
			Object[] columns = new Object[types.length];
			for (int column = 0; column < types.length; column++) {
				Object[] values = (Object[]) Array.newInstance(types[column], rows.size());
				for (int row = 0; row < rows.size(); row++) {
					values[row] = rows.get(row)[column];
				}
				columns[column] = values;
			}
			return columns;
		}

	}

	/**
	 * Sends {@code row} with the next carrier, in one write with the others of its kind.
	 */
	public void addRow(Rows kind, Object... row) {
		Pending pending = TransactionBound.get(KEY, this::pending);
		if (pending == null || pending.sent) {
			send(List.of(new Write(kind.definitions(), kind.params(List.<Object[]>of(row)))));
			return;
		}
		for (Object write : pending.writes) {
			if (write instanceof Batch batch && batch.kind().equals(kind)) {
				batch.rows().add(row);
				return;
			}
		}
		List<Object[]> rows = new ArrayList<>();
		rows.add(row);
		pending.writes.add(new Batch(kind, rows));
	}

	/**
	 * {@code statement} (which may begin with CTEs of its own, {@code WITH} left out, as
	 * {@code definitions}) with every write pending in this transaction sent along.
	 */
	public JdbcClient.StatementSpec carrying(String definitions, String statement, Object... params) {
		Pending pending = TransactionBound.get(KEY, null);
		return statement((pending != null) ? pending.take() : List.of(), definitions, statement, params);
	}

	/**
	 * Sends what this transaction has pending now: before a statement that reads or
	 * deletes what they write (a statement's CTEs and its main part see the same
	 * snapshot, so a carried write is invisible to its carrier).
	 */
	public void sendNow() {
		Pending pending = TransactionBound.get(KEY, null);
		if (pending != null) {
			send(pending.take());
		}
	}

	private void send(List<Write> writes) {
		if (!writes.isEmpty()) {
			statement(writes, null, "SELECT 1").query().listOfRows();
		}
	}

	/**
	 * The writes' CTEs (each with names of its own), then the statement's own, before the
	 * statement.
	 */
	private JdbcClient.StatementSpec statement(List<Write> writes, String definitions, String statement,
			Object... params) {
		List<String> with = new ArrayList<>();
		List<Object> all = new ArrayList<>();
		for (int i = 0; i < writes.size(); i++) {
			with.add(writes.get(i).definitions().formatted("pending" + i + "_"));
			all.addAll(Arrays.asList(writes.get(i).params()));
		}
		if (definitions != null) {
			with.add(definitions);
		}
		all.addAll(Arrays.asList(params));
		return this.jdbc.sql((with.isEmpty() ? "" : "WITH " + String.join(",\n", with) + "\n") + statement).params(all);
	}

	private Pending pending() {
		Pending pending = new Pending();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void beforeCommit(boolean readOnly) {
				// Whatever no statement carried goes now, in one; anything written after
				// this (a later listener's) goes at once.
				pending.sent = true;
				send(pending.take());
			}

			@Override
			public void beforeCompletion() {
				// Made by a listener that ran before commit itself: Spring had already
				// listed whom to call before commit, not whom to call before completion.
				if (!pending.sent) {
					pending.sent = true;
					send(pending.take());
				}
			}
		});
		return pending;
	}

	private static final class Pending {

		/** {@link Write}s and {@link Batch}es, in the order first made. */
		final List<Object> writes = new ArrayList<>();

		boolean sent;

		/** What is pending, now no longer: each batch as one write. */
		List<Write> take() {
			List<Write> taken = this.writes.stream()
				.map(write -> (write instanceof Batch batch)
						? new Write(batch.kind().definitions(), batch.kind().params(batch.rows())) : (Write) write)
				.toList();
			this.writes.clear();
			return taken;
		}

	}

	private record Write(String definitions, Object[] params) {
	}

	private record Batch(Rows kind, List<Object[]> rows) {
	}

}
