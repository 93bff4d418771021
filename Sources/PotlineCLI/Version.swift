/// `potline --version`: bumped with each release.
let potlineVersion = "0.9.0"
