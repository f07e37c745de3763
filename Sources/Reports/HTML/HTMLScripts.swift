/// The scripts of the HTML reports: plain ES5-level JavaScript, no libraries, nothing fetched.
enum HTMLScripts {
    /// Shows the filter form and hides changes (list items with `data-direction`) outside the chosen
    /// direction; a list item without one is hidden when everything inside it is.
    static let directionFilter = """
        (function () {
          var form = document.getElementById('filters');
          if (!form) { return; }
          form.hidden = false;
          var select = document.getElementById('direction');
          var channelSelect = document.getElementById('channel');
          window.protocompatFilter = function (root, direction) {
            var channel = channelSelect ? channelSelect.value : '';
            var items = root.querySelectorAll('li[data-direction]');
            for (var i = 0; i < items.length; i++) {
              var d = items[i].getAttribute('data-direction');
              var reached = (' ' + (items[i].getAttribute('data-channels') || '') + ' ').indexOf(' ' + channel + ' ') >= 0;
              items[i].classList.toggle('hidden', (direction !== 'all' && d !== direction && d !== 'both') || (channel !== '' && !reached));
            }
            // With a channel chosen, a change that names none (an addition of a whole type) is not shown.
            var plain = root.querySelectorAll('li:not([data-direction])');
            for (var m = 0; m < plain.length; m++) {
              if (plain[m].querySelector('li[data-direction]')) { continue; }
              var names = plain[m].getAttribute('data-channels');
              plain[m].classList.toggle('hidden', channel !== '' && (' ' + (names || '') + ' ').indexOf(' ' + channel + ' ') < 0);
            }
            var groups = root.querySelectorAll('li:not([data-direction])');
            for (var j = 0; j < groups.length; j++) {
              var inner = groups[j].querySelectorAll('li[data-direction]');
              if (inner.length === 0) { continue; }
              var shown = false;
              for (var k = 0; k < inner.length; k++) { if (!inner[k].classList.contains('hidden')) { shown = true; } }
              groups[j].classList.toggle('hidden', !shown);
            }
          };
          function apply() {
            protocompatFilter(document, select.value);
            if (window.protocompatTriangle) { protocompatTriangle(select.value); }
          }
          select.addEventListener('change', apply);
          if (channelSelect) { channelSelect.addEventListener('change', apply); }
          // `#channel=NAME` in the address chooses a channel on load (a link to one channel's changes).
          var chosen = /^#channel=(.+)$/.exec(location.hash);
          if (chosen && channelSelect) { channelSelect.value = decodeURIComponent(chosen[1]); apply(); }
        })();

        """

    /// Selection on the heatmap (click, arrow keys and Enter, or `#cell=R,W` in the address), the
    /// view filter, and the panel that shows the selected pair's changes from the changelog sections.
    static let heatmap = """
        (function () {
          var table = document.getElementById('matrix');
          var panel = document.getElementById('panel');
          var rows = table.tBodies[0].rows;
          var labels = [];
          var heads = table.tHead.rows[0].cells;
          for (var i = 1; i < heads.length; i++) { labels.push(heads[i].textContent); }
          var steps = {};
          var sections = document.querySelectorAll('section.step');
          for (var s = 0; s < sections.length; s++) { steps[sections[s].getAttribute('data-to')] = sections[s]; }
          var words = { s: 'compatible', h: 'hazard', b: 'breaking' };
          var current = null;
          function cell(r, w) { return rows[r].cells[w + 1]; }
          function focus(r, w) {
            if (current) { current.tabIndex = -1; }
            current = cell(r, w);
            current.tabIndex = 0;
            current.focus();
          }
          function select(r, w) {
            if (r === w || r < 0 || w < 0 || r >= labels.length || w >= labels.length) { return; }
            var previous = table.querySelector('td.selected');
            if (previous) { previous.classList.remove('selected'); }
            var target = cell(r, w);
            target.classList.add('selected');
            if (current !== target) { if (current) { current.tabIndex = -1; } current = target; current.tabIndex = 0; }
            var kind = target.className.replace(/[^shb]/g, '').slice(0, 2);
            var count = target.textContent || '0';
            var direction = r > w ? 'backward' : 'forward';
            var html = '<p><strong>Reader ' + labels[r] + ', writer ' + labels[w] + '</strong>: wire ' + words[kind[0]] + ', JSON ' + words[kind[1]] +
              ', ' + count + ' change' + (count === '1' ? '' : 's') + ' not safe for this reader (' + direction + ': ' +
              (direction === 'backward' ? 'a newer reader of older data' : 'an older reader of newer data') + ').</p>' +
              '<p>The releases between them, with the changes that reach this reader:</p>';
            panel.innerHTML = html;
            var lo = Math.min(r, w), hi = Math.max(r, w);
            for (var k = hi; k > lo; k--) {
              var section = steps[labels[k]];
              if (!section) { continue; }
              var copy = section.cloneNode(true);
              copy.removeAttribute('id');
              var ids = copy.querySelectorAll('[id]');
              for (var n = 0; n < ids.length; n++) { ids[n].removeAttribute('id'); }
              copy.className = 'step';
              panel.appendChild(copy);
              protocompatFilter(copy, direction);
              if (direction === 'backward') {
                var plain = copy.querySelectorAll('li:not([data-direction])');
                for (var p = 0; p < plain.length; p++) { if (!plain[p].querySelector('li[data-direction]')) { plain[p].classList.add('hidden'); } }
              }
              // A section heading whose list has nothing left to show goes too.
              var heads = copy.querySelectorAll('h3');
              for (var h = 0; h < heads.length; h++) {
                var list = heads[h].nextElementSibling;
                if (list && list.tagName === 'UL' && !list.querySelector(':scope > li:not(.hidden)')) { heads[h].hidden = true; list.hidden = true; }
              }
            }
            panel.setAttribute('data-selected', r + ',' + w);
            if (history.replaceState) { history.replaceState(null, '', '#cell=' + r + ',' + w); }
          }
          function position(td) { return [td.parentNode.sectionRowIndex, td.cellIndex - 1]; }
          table.addEventListener('click', function (e) {
            var td = e.target.closest('td');
            if (!td || td.classList.contains('self')) { return; }
            var at = position(td);
            select(at[0], at[1]);
          });
          table.addEventListener('keydown', function (e) {
            var td = e.target.closest('td');
            if (!td) { return; }
            var at = position(td), r = at[0], w = at[1];
            var moves = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
            if (moves[e.key]) {
              r = Math.max(0, Math.min(labels.length - 1, r + moves[e.key][0]));
              w = Math.max(0, Math.min(labels.length - 1, w + moves[e.key][1]));
              focus(r, w);
              e.preventDefault();
            } else if (e.key === 'Enter' || e.key === ' ') {
              select(r, w);
              e.preventDefault();
            }
          });
          var first = labels.length > 1 ? cell(1, 0) : null;
          if (first) { first.tabIndex = 0; current = first; }
          document.getElementById('view').addEventListener('change', function (e) { table.setAttribute('data-view', e.target.value); });
          window.protocompatTriangle = function (direction) {
            for (var r = 0; r < rows.length; r++) {
              for (var w = 0; w < labels.length; w++) {
                if (r === w) { continue; }
                cell(r, w).classList.toggle('off', (direction === 'backward' && r < w) || (direction === 'forward' && r > w));
              }
            }
          };
          var match = /^#cell=(\\d+),(\\d+)$/.exec(location.hash);
          if (match) {
            select(parseInt(match[1], 10), parseInt(match[2], 10));
            if (current && current.scrollIntoView) { current.scrollIntoView({ block: 'center', inline: 'center' }); }
          }
        })();

        """
}
