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

# How a tappable number or address is described to a screen reader.
ui-link-call = Call { $number }
ui-link-open = Open { $address }

# Sources list at the end of a document.
ui-sources = Sources
ui-source-ref = [{ $refs }]
ui-source-entry = { $title }, { $date }.
ui-source-entry-undated = { $title } (publication date not confirmed).
ui-as-of = Information as of { $date }. Check the sources for changes before you travel.

# The line under the title when --role selects extra items; $roles lists them.
ui-edition = This edition includes the items for: { $roles }
ui-list-separator = {"; "}

# The cut-out wallet card (checklists/card.toml).
card-title = Emergency and reporting contacts
card-cut = { $languages ->
    [1] Cut along the dashed line and keep the card with your passport.
   *[other] Cut along the dashed line, fold along the solid line and keep the card with your passport.
}
card-hotline = MFA Global Emergency Call Centre, 24 h: +86-10-12308 or +86-10-65612308
card-mission = Chinese embassy or consulate, consular protection: ____________________ (find it on the embassy’s website or cs.mfa.gov.cn)
card-return = After return, report to the national security authorities: 12339 or www.12339.gov.cn

# Onboarding packets (--profile packet): cover, the organisation's section, acknowledgement.
ui-org-name = { $org }
ui-packet-kind = Pre-departure security briefing
ui-cover-employee = Employee: { $name }
ui-cover-destination = Destination: { $destination }
ui-cover-departure = Departure: { $date }
ui-cover-date = Issued: { $date }
ui-org-items = Requirements of { $org }
ui-org-contacts = Contacts at { $org }
ui-contact-officer = Security officer: { $name }, { $details }
ui-contact = { $name }: { $details }
ui-ack-heading = Acknowledgement
ui-ack-statement = I, { $name }, confirm that I have received, read and understood “{ $checklist }” provided by { $org }, and that I know the reporting channels while abroad and after my return.
ui-ack-name = Name (in capitals)
ui-ack-signature = Signature
ui-ack-date = Date
ui-ack-checklist = Checklist: “{ $checklist }”, edition of { $date }
ui-ack-read = I have read and understood this checklist.
ui-ack-countersignature = Security officer’s countersignature
# The organisation's row on the wallet card: its name, then its security officer's (or first contact's) number.
ui-card-org = { $org }: { $contacts }
ui-card-contact = { $name } { $details }

# The help and reporting channels section (checklists/channels.toml).
ui-channels-heading = Help and reporting channels: { $destination }
ui-channels-heading-blank = Help and reporting channels
ui-mission-name = { $name }, { $city }
ui-mission-phone = consular protection, 24 h: { $phone }
ui-mission-no-phone = look up its consular protection number on its website or in the “China Consular” app (中国领事)
ui-mission-address = { $address }
ui-mission-website = { $website }
ui-mission-as-of = as of { $date }
ui-verify-note = {" "}(as of { $date }; verify before travel)
ui-verify = verify before travel
ui-mission-none = No verified details of the Chinese missions in { $destination } yet: look them up on cs.mfa.gov.cn or in the “China Consular” app (中国领事) before you leave.
ui-mission-blank-name = Chinese embassy or consulate for where you will live: ______________________________
ui-mission-blank-phone = Its consular protection number: ____________________ (on its website or in the “China Consular” app, 中国领事)
ui-channel-hotline = { $name }, 24 h, from anywhere abroad: { $contact }
ui-channel-after-return = After your return: { $name }, { $contact }
ui-channel-employer = After your return you can also report through your home university or employer in China.
ui-or = {" or "}
card-mission-known = { $name }, consular protection, 24 h: { $phone }
# Between the countries of a trip: "France, Italy".
ui-name-separator = {", "}
