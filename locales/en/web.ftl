# The web page of `predeparture serve` (src/serve/page.rs lists every message it uses).

web-title = Pre-departure security checklists
web-intro = Choose a checklist, its languages and a format; the preview follows your choices. Download gives the same PDF as the command line.
web-skip = Skip to the preview
web-ui-language = Page language
web-checklist = Checklist
web-roles = Extra items
web-roles-none = This checklist has no extra items.
web-languages = Languages, in print order
web-lang-first = First language
web-lang-second = Second language
web-lang-third = Third language
web-lang-none = (none)
web-profile = Format
web-profile-handout = Printed handout
web-profile-handout-hint = A4 or Letter, with QR codes and a wallet card to cut out.
web-profile-phone = Phone
web-profile-phone-hint = Narrow pages, large type, numbers to tap, boxes to tick.
web-profile-packet = Onboarding packet
web-profile-packet-hint = For employers: cover, your organisation’s items and contacts, an acknowledgement to sign.
web-paper = Paper size
web-paper-a4 = A4
web-paper-letter = US Letter
web-destination = Destination
web-destination-hint = Type a country code or a name in any language. Leave it empty for lines to fill in by hand.
web-packet = Onboarding packet
web-org-configured = Organisation: { $org }
web-org-none = No organisation is configured on this server: upload an organisation file.
web-org-file = Organisation file (.toml), instead of the configured one
web-logo-file = Its logo (PNG or JPEG)
web-name = Employee’s name
web-departure = Departure date
web-date = Date of the document
web-date-hint = Today when left empty.
web-roster = Many employees at once
web-roster-file = Roster (CSV or .xlsx: name, destination, departure)
web-roster-button = Make the packets (zip)
web-download = Download the PDF
web-preview = Preview
web-preview-note = The preview shows the text of the document; the PDF is what prints.
web-preview-pages = { $pages ->
    [one] The PDF has one page.
   *[other] The PDF has { $pages } pages.
}
web-updating = Updating the preview…
web-making = Making the PDF…
web-made = Downloaded { $file }.
web-uploading = Sending the roster…
web-making-packets = Making the packets; this takes about a second each…
web-made-packets = Downloaded { $file }.
web-error = Not made: { $message }
web-noscript = The preview needs JavaScript; Download works without it.
web-privacy = Nothing you enter is stored or logged, and this page loads nothing from the internet.
