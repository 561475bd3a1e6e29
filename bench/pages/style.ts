/** The stylesheet both sides draw with: the lab's own, light theme. */
import { graphStyle } from '../../src/graph/style';

export const benchStyle = () => graphStyle('light');
