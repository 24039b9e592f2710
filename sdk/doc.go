// Package sdk decides what to do with a defective product under
// Micromedia's return guide.
//
// The guide lives in brands.json, embedded in the module: every brand, its
// support contacts and its return rules, in French, Dutch and English. A
// [Guide] is that file loaded, checked and compiled; [Default] builds it
// from the embedded file, [Load] from another one (an updated guide).
//
// [Guide.Evaluate] decides one [Claim] and returns a [Decision]: the
// route (return it through the distributor, contact the brand, try a spare
// part first…), what is missing, the checklist, the contacts, the
// deadlines and the steps, written for shop staff or for the consumer
// ([Options]). [DecodeClaim] reads a claim from JSON as strictly as the
// claim schema does. The first decision for an audience and language, and
// the first [Guide.Lookup], build what they need; [Guide.Prepare] builds
// it ahead, for a program with idle time (the widget, once it shows).
//
// The package is pure: it does no I/O after loading and reads no clock (a
// claim carries its own date). A Guide is immutable and safe for concurrent
// use, and each Decision is the caller's own. Invalid input gives a
// [*FieldError] naming the claim's field, invalid data a [*DataError]
// listing each problem with its JSON pointer.
package sdk
