package org.backcare.booking;

/**
 * The outcome of a booking call: the appointment, and whether it was replayed for a
 * repeated key.
 */
public record Booking(Appointment appointment, boolean replayed) {
}
