package org.backcare.clinic;

/**
 * A clinic's settings or policies changed, by the signed-in admin: audited with what the
 * new values are.
 */
public record ClinicChanged(ClinicId clinic, String detail) {
}
