// Units, number texts and checked conversions are the vocabulary of every stage: whoever
// imports the network imports them too.
@_exported import PotlineUnits
