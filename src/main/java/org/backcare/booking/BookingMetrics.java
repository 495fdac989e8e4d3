package org.backcare.booking;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Counts appointment changes for the Prometheus endpoint
 * ({@code backcare_appointments_total} by {@code change}). Counted after commit, so a
 * rolled-back booking is never counted.
 */
@Component
class BookingMetrics {

	private final Counter booked;

	private final Counter cancelled;

	private final Counter rescheduled;

	BookingMetrics(MeterRegistry registry) {
		this.booked = counter(registry, "booked");
		this.cancelled = counter(registry, "cancelled");
		this.rescheduled = counter(registry, "rescheduled");
	}

	@TransactionalEventListener
	void on(AppointmentBooked event) {
		this.booked.increment();
	}

	@TransactionalEventListener
	void on(AppointmentCancelled event) {
		this.cancelled.increment();
	}

	@TransactionalEventListener
	void on(AppointmentRescheduled event) {
		this.rescheduled.increment();
	}

	private static Counter counter(MeterRegistry registry, String change) {
		return Counter.builder("backcare.appointments")
			.description("Appointment changes committed")
			.tag("change", change)
			.register(registry);
	}

}
