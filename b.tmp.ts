import { benchExploration, exploreLines } from './src/cli/benchExplore';
const q = process.argv.includes('--quick');
console.log(exploreLines(benchExploration(q), q).join('\n'));
