// Live countdown for a timed simulation node. Without script the page shows the time left when it opened;
// with script the visible clock ticks every second (not a live region, so it is never read out on its own)
// and a polite status region announces only at each whole minute, at 30 seconds and when time is up.
// The server measures the time itself; this is a guide for the learner.
(() => {
  const box = document.querySelector('[data-testid="timer"][data-seconds-left]');
  if (!box) return;
  const clock = box.querySelector('[data-timer-clock]');
  const announce = box.querySelector('[data-timer-announce]');
  const fallback = box.querySelector('[data-timer-static]');
  const deadline = performance.now() + Number(box.dataset.secondsLeft) * 1000;
  let lastSaid = null;

  const text = (seconds) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  const say = (key, message) => {
    if (key !== lastSaid) {
      lastSaid = key;
      announce.textContent = message;
    }
  };

  const tick = () => {
    const left = Math.max(0, Math.ceil((deadline - performance.now()) / 1000));
    clock.textContent = left > 0 ? ` (${text(left)} left)` : ' (time is up)';
    if (left === 0) {
      say('up', 'Time is up for this decision. You can still answer, but a late answer scores nothing.');
      return false;
    }
    if (left % 60 === 0) {
      const minutes = left / 60;
      say(`m${minutes}`, `${minutes} minute${minutes === 1 ? '' : 's'} left for this decision.`);
    } else if (left === 30) {
      say('s30', '30 seconds left for this decision.');
    }
    return true;
  };

  if (fallback) fallback.hidden = true;
  clock.hidden = false;
  if (tick()) {
    const timer = setInterval(() => { if (!tick()) clearInterval(timer); }, 1000);
  }
})();
