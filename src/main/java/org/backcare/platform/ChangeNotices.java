package org.backcare.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * What the database announces when a record that nodes keep in memory changes. Triggers
 * (V29) send {@code NOTIFY <channel>, '<id>'} in the changing transaction, so only a
 * committed change is announced, whoever made it; every node LISTENs on one connection of
 * its own and hands each notice to the caches that asked for its channel
 * ({@link NoticedCache}). A node that loses the connection tells every cache that it may
 * have missed notices (they forget everything) and listens again, so a missed notice
 * costs a re-read, never a stale record.
 */
@Component
public class ChangeNotices implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ChangeNotices.class);

	/** How often the listening connection is asked whether it still answers. */
	private static final long ALIVE_CHECK_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(15);

	private final DataSource dataSource;

	private final List<Listener> listeners = new CopyOnWriteArrayList<>();

	private volatile boolean running;

	private volatile boolean listening;

	private Thread thread;

	ChangeNotices(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Calls {@code onNotice} with the id each notice on {@code channel} names, and
	 * {@code onMissed} whenever notices may have been missed (before listening starts,
	 * and after a lost connection). Register while the application starts.
	 */
	public void listen(String channel, Consumer<String> onNotice, Runnable onMissed) {
		if (!channel.matches("[a-z_]{1,63}")) {
			throw new IllegalArgumentException("Not a channel name: " + channel);
		}
		this.listeners.add(new Listener(channel, onNotice, onMissed));
	}

	/**
	 * A cache of records announced on {@code channel}, each notice naming the key it
	 * evicts.
	 */
	public <K, V> NoticedCache<K, V> cache(String channel, java.util.function.Function<String, K> key) {
		NoticedCache<K, V> cache = new NoticedCache<>(this);
		listen(channel, id -> {
			try {
				cache.forget(key.apply(id));
			}
			catch (IllegalArgumentException notAKey) {
				// Not ours: nothing to forget.
			}
		}, cache::forgetAll);
		return cache;
	}

	/**
	 * Whether this node is listening now: a cache keeps what it reads only then, because
	 * only then would it hear of a change.
	 */
	boolean listening() {
		return this.listening;
	}

	@Override
	public void start() {
		this.running = true;
		this.thread = new Thread(this::run, "change-notices");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	@Override
	public void stop() {
		this.running = false;
		this.listening = false;
		if (this.thread != null) {
			this.thread.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Before the web server takes requests: a cache is usable from the first one. */
	@Override
	public int getPhase() {
		return Integer.MIN_VALUE + 1000;
	}

	private void run() {
		while (this.running) {
			try (Connection connection = this.dataSource.getConnection()) {
				try (Statement listen = connection.createStatement()) {
					for (String channel : this.listeners.stream().map(Listener::channel).distinct().toList()) {
						listen.execute("LISTEN " + channel);
					}
				}
				// Whatever changed while nobody listened is forgotten too.
				this.listeners.forEach(listener -> listener.onMissed().run());
				this.listening = true;
				PGConnection notices = connection.unwrap(PGConnection.class);
				long checked = System.nanoTime();
				while (this.running) {
					PGNotification[] received = notices.getNotifications(1000);
					if (received != null) {
						for (PGNotification notice : received) {
							deliver(notice);
						}
					}
					if (System.nanoTime() - checked > ALIVE_CHECK_NANOS) {
						// A connection dropped silently (a firewall, a partition) raises
						// no
						// error while it waits: ask it something, or notices may be lost.
						try (Statement alive = connection.createStatement()) {
							alive.setQueryTimeout(5);
							alive.execute("SELECT 1");
						}
						checked = System.nanoTime();
					}
				}
			}
			catch (SQLException | RuntimeException ex) {
				if (this.running) {
					log.warn("Listening for changes failed ({}); listening again", ex.getMessage());
					pause();
				}
			}
			finally {
				this.listening = false;
				this.listeners.forEach(listener -> listener.onMissed().run());
			}
		}
	}

	private void deliver(PGNotification notice) {
		for (Listener listener : this.listeners) {
			if (listener.channel().equals(notice.getName())) {
				listener.onNotice().accept(notice.getParameter());
			}
		}
	}

	private void pause() {
		try {
			Thread.sleep(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private record Listener(String channel, Consumer<String> onNotice, Runnable onMissed) {
	}

}
