// The pain map: a region on either diagram sets (and focuses) its intensity control, and every
// control recolours its regions. Without JavaScript the controls below the map work alone.
document.querySelectorAll('.painmap.interactive .region').forEach(function (region) {
  var select = document.getElementById('pain-' + region.dataset.region);
  if (!select) { return; }
  function activate() {
    if (select.value === '0') {
      select.value = '5';
      select.dispatchEvent(new Event('change'));
    }
    select.focus();
  }
  region.addEventListener('click', activate);
  region.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      activate();
    }
  });
});
document.querySelectorAll('select[data-region]').forEach(function (select) {
  select.addEventListener('change', function () {
    document.querySelectorAll('.region[data-region="' + select.dataset.region + '"]').forEach(function (region) {
      region.setAttribute('class', 'region level-' + select.value);
      region.setAttribute('aria-pressed', select.value !== '0');
    });
  });
});
var errors = document.getElementById('errors');
if (errors) { errors.focus(); }
