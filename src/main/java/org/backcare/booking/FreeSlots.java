package org.backcare.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.TreeSet;

import org.backcare.clinic.ServiceType;
import org.backcare.platform.TimeRange;
import org.backcare.therapist.Therapist;

/**
 * Free start times of one therapist for one service: every quarter hour of the working
 * day whose session fits in the working interval, misses time off, and whose session plus
 * buffer misses every booked session plus its buffer (the same test the exclusion
 * constraint makes).
 *
 * <p>
 * Candidates advance in real time from each interval's start, so on daylight-saving days
 * there is no slot in the missing hour and each repeated hour's instants appear once
 * each.
 */
final class FreeSlots {

	private FreeSlots() {
	}

	/**
	 * @param busy booked sessions including their buffers, in any order
	 * @param earliest no start before this (minimum notice)
	 * @param latest no start after this (booking horizon)
	 */
	static List<Instant> of(Therapist therapist, ServiceType service, ZoneId zone, LocalDate from, LocalDate to,
			List<TimeRange> timeOff, List<TimeRange> busy, Instant earliest, Instant latest) {
		TreeSet<Instant> starts = new TreeSet<>();
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			if (!therapist.licenceValidOn(day)) {
				continue;
			}
			for (TimeRange open : therapist.hours().on(day, zone)) {
				for (Instant start = open.start(); !start.plus(service.duration()).isAfter(open.end()); start = start
					.plus(BookingPolicy.GRID)) {
					if (start.isBefore(earliest) || start.isAfter(latest)) {
						continue;
					}
					TimeRange session = TimeRange.starting(start, service.duration());
					TimeRange blocked = TimeRange.starting(start, service.blocks());
					if (overlapsAny(timeOff, session) || overlapsAny(busy, blocked)) {
						continue;
					}
					starts.add(start);
				}
			}
		}
		return List.copyOf(starts);
	}

	private static boolean overlapsAny(List<TimeRange> ranges, TimeRange candidate) {
		for (TimeRange range : ranges) {
			if (range.overlaps(candidate)) {
				return true;
			}
		}
		return false;
	}

}
