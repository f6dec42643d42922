import CaseModel

/// The last guard before a page leaves the desk: free text typed by staff may still hold a
/// resident's phone number, so every case text shown passes through `scrub`. The dashboard never
/// holds a resident's key: full names are scrubbed when the text is recorded (the commands know
/// the reporter's name then), not here.
enum Privacy {
    /// `text` with every mainland mobile number (1[3-9] and nine digits) masked as 138****5678.
    static func scrub(_ text: String) -> String {
        maskPhones(text)
    }

    /// Every run of 11 ASCII digits starting 1[3-9], anywhere in `text`, masked in the middle.
    static func maskPhones(_ text: String) -> String {
        Contact.maskMobiles(text)
    }
}
