// The heat and cold timer on "My home care": 10 or 15 minutes, counted down on the page,
// with a message (read out by screen readers) and a short vibration where the phone has
// one, when the time is up. It keeps time from the clock, not from ticks, so a phone that
// slept in between still shows the right time left.
(function () {
  'use strict';
  function format(seconds) {
    var m = Math.floor(seconds / 60);
    var s = seconds % 60;
    return m + ':' + (s < 10 ? '0' : '') + s + ' left';
  }
  document.querySelectorAll('.timer').forEach(function (timer) {
    var output = timer.querySelector('output');
    var done = timer.querySelector('.timer-done');
    var stop = timer.querySelector('[data-stop]');
    var tick = null;
    function halt(message) {
      if (tick) { clearInterval(tick); tick = null; }
      stop.hidden = true;
      output.textContent = message;
    }
    timer.querySelectorAll('[data-minutes]').forEach(function (button) {
      button.addEventListener('click', function () {
        var minutes = parseInt(button.getAttribute('data-minutes'), 10);
        var end = Date.now() + minutes * 60000;
        done.textContent = '';
        halt(format(minutes * 60));
        stop.hidden = false;
        tick = setInterval(function () {
          var left = Math.max(0, Math.round((end - Date.now()) / 1000));
          output.textContent = format(left);
          if (left === 0) {
            halt('Time is up');
            done.textContent = minutes + ' minutes are up: take it off now, and log it as done.';
            if (navigator.vibrate) { navigator.vibrate([200, 100, 200]); }
          }
        }, 1000);
        output.textContent = format(minutes * 60);
      });
    });
    stop.addEventListener('click', function () { halt('Stopped'); });
  });
})();
