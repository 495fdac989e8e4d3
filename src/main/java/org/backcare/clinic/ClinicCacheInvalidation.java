package org.backcare.clinic;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps every node's clinic cache true. A change to a clinic sends {@code NOTIFY
 * clinic_changed} with its id in the changing transaction (so only a committed change is
 * announced); every node LISTENs on one connection of its own and forgets that clinic
 * when told. A node that loses the connection forgets every clinic and listens again, so
 * a missed notice costs a re-read, never a stale clinic.
 */
@Component
class ClinicCacheInvalidation implements SmartLifecycle {

	static final String CHANNEL = "clinic_changed";

	private static final Logger log = LoggerFactory.getLogger(ClinicCacheInvalidation.class);

	private final DataSource dataSource;

	private final Clinics clinics;

	private volatile boolean running;

	private Thread listener;

	ClinicCacheInvalidation(DataSource dataSource, Clinics clinics) {
		this.dataSource = dataSource;
		this.clinics = clinics;
	}

	@Override
	public void start() {
		this.running = true;
		this.listener = new Thread(this::listen, "clinic-cache-invalidation");
		this.listener.setDaemon(true);
		this.listener.start();
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.listener != null) {
			this.listener.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void listen() {
		while (this.running) {
			try (Connection connection = this.dataSource.getConnection()) {
				try (Statement listen = connection.createStatement()) {
					listen.execute("LISTEN " + CHANNEL);
				}
				// Whatever changed while nobody listened is forgotten too.
				this.clinics.forgetAll();
				PGConnection notices = connection.unwrap(PGConnection.class);
				while (this.running) {
					PGNotification[] received = notices.getNotifications(1000);
					if (received != null) {
						for (PGNotification notice : received) {
							forget(notice.getParameter(), this.clinics::forget);
						}
					}
				}
			}
			catch (SQLException ex) {
				if (this.running) {
					log.warn("Listening for clinic changes failed ({}); listening again", ex.getMessage());
					sleep();
				}
			}
		}
	}

	private static void forget(String clinic, Consumer<ClinicId> forget) {
		try {
			forget.accept(new ClinicId(UUID.fromString(clinic)));
		}
		catch (IllegalArgumentException notAnId) {
			// Not ours: ignore.
		}
	}

	private void sleep() {
		try {
			Thread.sleep(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
