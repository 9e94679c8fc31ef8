# Interface and document labels (English): language name, dates, footer, sources list.

language-name = English

# Dates: $year, $month (1–12), $day.
ui-date = { $day } { ui-month-name } { $year }
ui-date-month = { ui-month-name } { $year }
ui-date-year = { $year }
ui-month-name = { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
}

# Footer of every page.
ui-page = Page { $page } of { $total }

# Sources list at the end of a document.
ui-sources = Sources
ui-source-ref = [{ $refs }]
ui-source-entry = { $title }, { $date }.
ui-source-entry-undated = { $title } (publication date not confirmed).
ui-as-of = Information as of { $date }. Check the sources for changes before you travel.

# The line under the title when --role selects extra items; $roles lists them.
ui-edition = This edition includes the items for: { $roles }
ui-list-separator = {"; "}
