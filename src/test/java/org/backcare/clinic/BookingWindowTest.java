package org.backcare.clinic;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** A clinic's booking window, at the limits the database also holds. */
class BookingWindowTest {

	@Test
	void theDefaultIsTwoHoursNoticeAndNinetyDaysAhead() {
		assertThat(BookingWindow.DEFAULT.minimumNotice()).isEqualTo(Duration.ofHours(2));
		assertThat(BookingWindow.DEFAULT.horizon()).isEqualTo(Duration.ofDays(90));
		assertThat(new Clinic(new ClinicId(java.util.UUID.randomUUID()), "C", "", java.time.ZoneOffset.UTC).booking())
			.isEqualTo(BookingWindow.DEFAULT);
	}

	@Test
	void noticeRunsFromNoneToTwoDaysInWholeMinutes() {
		assertThatCode(() -> new BookingWindow(Duration.ZERO, Duration.ofDays(7))).doesNotThrowAnyException();
		assertThatCode(() -> new BookingWindow(Duration.ofMinutes(2880), Duration.ofDays(7)))
			.doesNotThrowAnyException();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new BookingWindow(Duration.ofMinutes(2881), Duration.ofDays(7)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new BookingWindow(Duration.ofMinutes(-1), Duration.ofDays(7)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new BookingWindow(Duration.ofSeconds(90), Duration.ofDays(7)));
	}

	@Test
	void theHorizonRunsFromAWeekToTwoYearsInWholeDays() {
		assertThatCode(() -> new BookingWindow(Duration.ZERO, Duration.ofDays(730))).doesNotThrowAnyException();
		assertThatIllegalArgumentException().isThrownBy(() -> new BookingWindow(Duration.ZERO, Duration.ofDays(6)));
		assertThatIllegalArgumentException().isThrownBy(() -> new BookingWindow(Duration.ZERO, Duration.ofDays(731)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new BookingWindow(Duration.ZERO, Duration.ofDays(30).plusHours(1)));
	}

	@Test
	void theNoticeReadsAsPeopleSayIt() {
		assertThat(new BookingWindow(Duration.ofHours(2), Duration.ofDays(90)).noticeInWords()).isEqualTo("2 hours");
		assertThat(new BookingWindow(Duration.ofHours(1), Duration.ofDays(90)).noticeInWords()).isEqualTo("1 hour");
		assertThat(new BookingWindow(Duration.ofMinutes(90), Duration.ofDays(90)).noticeInWords())
			.isEqualTo("90 minutes");
		assertThat(new BookingWindow(Duration.ZERO, Duration.ofDays(90)).noticeInWords()).isEqualTo("0 hours");
	}

}
