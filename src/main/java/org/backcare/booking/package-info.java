/**
 * Availability and booking: free start times computed in the clinic's zone, and
 * appointments that PostgreSQL guarantees never overlap for a therapist or a client.
 * Publishes {@link org.backcare.booking.AppointmentBooked},
 * {@link org.backcare.booking.AppointmentCancelled} and
 * {@link org.backcare.booking.AppointmentRescheduled}.
 */
@ApplicationModule(displayName = "Booking")
package org.backcare.booking;

import org.springframework.modulith.ApplicationModule;
