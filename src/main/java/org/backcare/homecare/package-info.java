/**
 * Home care: the client's self-care plan between sessions (posture, movement breaks,
 * exercise, heat or cold, stress, weight), built from the recommendation's home-care
 * themes, with safety notes and the items the client's contraindications rule out; the
 * reminders the client chose (sent by the notification module at the client's own time);
 * and the log of what was done, with weekly adherence shown to the client and the care
 * team.
 */
@ApplicationModule(displayName = "Home care")
package org.backcare.homecare;

import org.springframework.modulith.ApplicationModule;
