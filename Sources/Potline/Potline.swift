// The library a script imports: every stage of the pipeline, files → network → formulation →
// solve → results → studies → reports. Each stage is its own module (see the README's
// "Architecture"); this one only re-exports them, so `import Potline` is all a script needs.
@_exported import LinearModel
@_exported import PotlineFiles
@_exported import PotlineFormulation
@_exported import PotlineNetwork
@_exported import PotlineReports
@_exported import PotlineResults
@_exported import PotlineSolve
@_exported import PotlineStudies
