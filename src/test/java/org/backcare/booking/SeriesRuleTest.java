package org.backcare.booking;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.backcare.platform.InvalidRequest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A series' rule is an RFC 5545 RRULE expanded by ical4j from the first session's
 * wall-clock time: every session at the same local time, across both daylight-saving
 * changes, in Berlin and in New York.
 */
class SeriesRuleTest {

	@Test
	void weeklySixTimesIsTheRuleAsRfc5545WritesIt() {
		SeriesRule rule = new SeriesRule(1, 6, null);
		assertThat(rule.rrule()).isEqualTo("FREQ=WEEKLY;INTERVAL=1;COUNT=6");
		assertThat(rule.starts(LocalDateTime.of(2026, 12, 7, 10, 0))).hasSize(6)
			.first()
			.isEqualTo(LocalDateTime.of(2026, 12, 7, 10, 0));
		assertThat(rule.starts(LocalDateTime.of(2026, 12, 7, 10, 0))).last()
			.isEqualTo(LocalDateTime.of(2027, 1, 11, 10, 0));
	}

	@Test
	void everySixWeeksUntilADayIncludesThatDay() {
		SeriesRule rule = new SeriesRule(6, null, LocalDate.of(2027, 3, 1));
		assertThat(rule.rrule()).isEqualTo("FREQ=WEEKLY;INTERVAL=6;UNTIL=20270301T235959");
		assertThat(rule.starts(LocalDateTime.of(2026, 12, 7, 10, 0))).containsExactly(
				LocalDateTime.of(2026, 12, 7, 10, 0), LocalDateTime.of(2027, 1, 18, 10, 0),
				LocalDateTime.of(2027, 3, 1, 10, 0));
	}

	@Test
	void withACountAndALastDayWhicheverComesFirstEndsIt() {
		SeriesRule rule = new SeriesRule(1, 6, LocalDate.of(2026, 12, 21));
		List<LocalDateTime> starts = rule.starts(LocalDateTime.of(2026, 12, 7, 10, 0));
		assertThat(starts).hasSize(3);
		assertThat(rule.rrule(starts)).isEqualTo("FREQ=WEEKLY;INTERVAL=1;COUNT=3");
		assertThat(new SeriesRule(1, 2, LocalDate.of(2027, 12, 21)).starts(LocalDateTime.of(2026, 12, 7, 10, 0)))
			.hasSize(2);
	}

	@Test
	void aWeeklySeriesStaysAtTenLocalAcrossBothChangesInBerlinAndNewYork() {
		for (ZoneId zone : List.of(ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York"))) {
			for (LocalDate first : List.of(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 10, 5))) {
				List<LocalDateTime> starts = new SeriesRule(1, 8, null).starts(first.atTime(10, 0));
				assertThat(starts).hasSize(8)
					.allSatisfy(start -> assertThat(start.atZone(zone).toLocalTime()).isEqualTo(LocalTime.of(10, 0)));
				// The offsets differ before and after the change: the instants are not a
				// fixed number of hours apart, the wall-clock times are.
				assertThat(starts.get(0).atZone(zone).getOffset()).isNotEqualTo(starts.get(7).atZone(zone).getOffset());
			}
		}
	}

	@Test
	void nonsenseIsRefusedWithWhatIsWrong() {
		assertThatThrownBy(() -> new SeriesRule(0, 6, null)).isInstanceOf(InvalidRequest.class)
			.hasMessageContaining("1 to 12 weeks");
		assertThatThrownBy(() -> new SeriesRule(1, null, null)).isInstanceOf(InvalidRequest.class);
		assertThatThrownBy(() -> new SeriesRule(1, 53, null)).isInstanceOf(InvalidRequest.class)
			.hasMessageContaining("1 to 52");
		assertThatThrownBy(
				() -> new SeriesRule(1, null, LocalDate.of(2026, 1, 1)).starts(LocalDateTime.of(2026, 12, 7, 10, 0)))
			.hasMessageContaining("before the first session");
		assertThatThrownBy(
				() -> new SeriesRule(1, null, LocalDate.of(2028, 12, 31)).starts(LocalDateTime.of(2026, 12, 7, 10, 0)))
			.hasMessageContaining("at most 52");
	}

}
