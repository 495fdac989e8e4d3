package org.backcare.review;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The three things a client rates, 1 to 5 stars each. */
public record Ratings(@NotNull @Min(1) @Max(5) Integer listening, @NotNull @Min(1) @Max(5) Integer comfort,
		@NotNull @Min(1) @Max(5) Integer effect) {

	/** The review's overall rating: the mean of the three. */
	public double overall() {
		return (this.listening + this.comfort + this.effect) / 3.0;
	}

}
