package org.backcare.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants to and from PostgreSQL's {@code timestamptz}. The JDBC driver takes and gives
 * {@link OffsetDateTime}; BackCare stores and computes with {@link Instant} and uses a
 * clinic's own zone only to show or judge local time. Null stays null both ways.
 */
public final class Timestamps {

	private Timestamps() {
	}

	/**
	 * An instant as the driver writes it: at offset zero, so the stored value is the
	 * instant itself.
	 */
	public static OffsetDateTime utc(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	/** The instant in a {@code timestamptz} column, or null. */
	public static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
